package dev.outrigger.sidecar.config;

import static dev.outrigger.sidecar.config.ConfigLoaderTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.outrigger.sidecar.config.AuthorizationRule.Action;
import dev.outrigger.sidecar.config.InboundConfig.Mtls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboundConfigTest {

    private static final String TLS = "tls: {ca: certs/ca.pem, cert: certs/orders.pem, key: certs/orders-key.pem}\n";

    /** The tls files must exist to pass validation; their content is not read while binding. */
    @TempDir
    static Path dir;

    @BeforeAll
    static void tlsFiles() throws IOException {
        Files.createDirectories(dir.resolve("certs"));
        for (String name : List.of("ca.pem", "orders.pem", "orders-key.pem")) {
            Files.writeString(dir.resolve("certs").resolve(name), "");
        }
    }

    private static SidecarConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "s", dir);
    }

    @Test
    void noInboundBlockMeansNoInboundListener() throws ConfigException {
        SidecarConfig config = ConfigLoader.parse("service: orders\n", "s");
        assertNull(config.inbound());
        assertNull(config.tls());
    }

    @Test
    void rulesAreBoundWithTheirDefaults() throws ConfigException {
        SidecarConfig config = parse("service: orders\n" + TLS + """
                inbound:
                  mtls: permissive
                  authorization:
                    - from: [checkout, "spiffe://outrigger.local/reporting"]
                      methods: [GET, POST]
                      paths: ["/orders/*", "/orders/**"]
                    - {paths: ["/admin/**"], action: deny}
                """);
        assertEquals(new TlsFiles(dir.resolve("certs/ca.pem"), dir.resolve("certs/orders.pem"),
                dir.resolve("certs/orders-key.pem")), config.tls());
        assertEquals(new InboundConfig(Mtls.PERMISSIVE, List.of(
                new AuthorizationRule(List.of("checkout", "spiffe://outrigger.local/reporting"), List.of("GET", "POST"),
                        List.of("/orders/*", "/orders/**"), Action.ALLOW),
                new AuthorizationRule(List.of("*"), List.of(), List.of("/admin/**"), Action.DENY))), config.inbound());
    }

    @Test
    void anEmptyInboundBlockIsStrictWithoutRules() throws ConfigException {
        assertEquals(new InboundConfig(Mtls.STRICT, List.of()),
                parse("service: orders\n" + TLS + "inbound: {}\n").inbound());
    }

    @Test
    void inboundSurvivesARoundTrip() throws ConfigException {
        SidecarConfig config = parse("service: orders\n" + TLS + """
                inbound:
                  authorization:
                    - {from: [checkout], methods: [GET], paths: ["/orders/*"]}
                    - {paths: ["/**"], action: deny}
                """);
        String yaml = ConfigRenderer.toYaml(config);
        assertEquals(config, ConfigLoader.parse(yaml, "rendered", dir), yaml);
    }

    @Test
    void everyMistakeIsReportedWithItsPathAndLine() {
        assertEquals(List.of(
                "sidecar.yaml:2: inbound: needs a tls: block (the certificate the inbound listener presents)",
                "sidecar.yaml:3: inbound.mtls: must be one of strict, permissive, got 'optional'",
                "sidecar.yaml:5: inbound.authorization[0].from[0]: '*a' is neither *, a service name nor a "
                        + "spiffe:// ID",
                "sidecar.yaml:5: inbound.authorization[0].from[1]: 'spiffe://other.test/x' is in trust domain "
                        + "'other.test', but only 'outrigger.local' is accepted",
                "sidecar.yaml:6: inbound.authorization[0].methods[0]: 'get' is not a method name: upper-case letters, "
                        + "like GET",
                "sidecar.yaml:7: inbound.authorization[0].paths[0]: '/a/../b' has an empty, . or .. segment",
                "sidecar.yaml:7: inbound.authorization[0].paths[1]: 'orders' must start with /",
                "sidecar.yaml:8: inbound.authorization[0].action: must be one of allow, deny, got 'permit'",
                "sidecar.yaml:9: inbound.authorization[1].paths: must not be empty; leave the field out for its "
                        + "default",
                "sidecar.yaml:10: inbound.authorization[2].form: unknown field 'form' (did you mean 'from'?)"),
                errors("""
                        service: orders
                        inbound:
                          mtls: optional
                          authorization:
                            - from: ["*a", "spiffe://other.test/x"]
                              methods: [get]
                              paths: ["/a/../b", orders]
                              action: permit
                            - paths: []
                            - form: [checkout]
                        """));
    }
}
