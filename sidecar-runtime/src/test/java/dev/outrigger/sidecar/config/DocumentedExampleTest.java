package dev.outrigger.sidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example in docs/configuration.md is valid and shows the real defaults. */
class DocumentedExampleTest {

    /** The example names certificate files; they must exist to be valid, their content is not read here. */
    @TempDir
    Path dir;

    @Test
    void exampleParsesAndItsValuesAreTheDefaults() throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        for (String file : List.of("ca.pem", "orders.pem", "orders-key.pem")) {
            Files.writeString(dir.resolve("certs").resolve(file), "");
        }
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        SidecarConfig documented = ConfigLoader.parse(example, "configuration.md", dir);
        SidecarConfig defaults = ConfigLoader.parse("""
                service: orders
                services:
                  payments: {endpoints: [127.0.0.2:8080, 127.0.0.3:8080]}
                """, "defaults");

        assertEquals(defaults.trustDomain(), documented.trustDomain());
        assertEquals(defaults.listeners(), documented.listeners());
        assertEquals(defaults.app(), documented.app());
        assertEquals(defaults.outbound(), documented.outbound());
        assertEquals(defaults.lifecycle(), documented.lifecycle());
        ServiceConfig payments = documented.services().get("payments");
        RetryConfig retry = payments.retry();
        assertEquals(Duration.ofMillis(500), retry.perTryTimeout());
        assertEquals(defaults.services().get("payments"), new ServiceConfig(payments.name(), payments.endpoints(),
                payments.tls(), payments.ca(), payments.balancer(), payments.timeout(), new RetryConfig(retry.attempts(), null,
                retry.on(), retry.statuses(), retry.budget(), retry.minRetriesPerSecond(), retry.backoffBase(),
                retry.backoffMax(), retry.nonIdempotent()), payments.circuitBreaker()));
        assertFalse(documented.services().get("inventory.internal").circuitBreaker().enabled());
    }
}
