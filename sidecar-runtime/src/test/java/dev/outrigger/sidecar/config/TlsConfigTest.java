package dev.outrigger.sidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outrigger.sidecar.config.ServiceConfig.UpstreamTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level {@code tls:} block, the services' {@code tls:} and {@code ca:}, and {@code outbound.passthrough-ca}. */
class TlsConfigTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectory(dir.resolve("certs"));
        for (String name : List.of("ca.pem", "orders.pem", "orders-key.pem", "public-ca.pem")) {
            Files.writeString(dir.resolve("certs").resolve(name), "-");
        }
    }

    @Test
    void filesAreResolvedAgainstTheConfigFilesFolder() throws Exception {
        Path file = dir.resolve("sidecar.yaml");
        Files.writeString(file, """
                service: orders
                tls: {ca: certs/ca.pem, cert: certs/orders.pem, key: ./certs/orders-key.pem}
                services:
                  payments: {endpoints: [127.0.0.2:15006], tls: mesh}
                  search: {endpoints: [search.example:443], tls: tls, ca: certs/public-ca.pem}
                  maps: {endpoints: [maps.example:443], tls: tls}
                outbound: {passthrough-ca: certs/public-ca.pem}
                """);
        SidecarConfig config = ConfigLoader.load(file);
        Path certs = dir.resolve("certs");
        assertEquals(new TlsFiles(certs.resolve("ca.pem"), certs.resolve("orders.pem"), certs.resolve("orders-key.pem")),
                config.tls());
        assertEquals(UpstreamTls.MESH, config.services().get("payments").tls());
        assertEquals(certs.resolve("public-ca.pem"), config.services().get("search").ca());
        assertNull(config.services().get("maps").ca(), "the JDK's trust store");
        assertEquals(certs.resolve("public-ca.pem"), config.outbound().passthroughCa());
        assertEquals(config, ConfigLoader.parse(ConfigRenderer.toYaml(config), "rendered"));
    }

    @Test
    void meshServicesNeedTheTlsBlock() {
        assertEquals(List.of("sidecar.yaml:3: services.payments.tls: tls: mesh needs this sidecar's certificate: "
                        + "add a top-level tls: {ca: ..., cert: ..., key: ...}"),
                errors("service: orders\nservices:\n  payments: {endpoints: [127.0.0.2:15006], tls: mesh}\n"));
    }

    @Test
    void tlsBlockNeedsThreeExistingFiles() {
        assertEquals(List.of("sidecar.yaml:2: tls.ca: no such file: " + dir.resolve("certs/absent.pem"),
                        "sidecar.yaml:2: tls.cert: is required", "sidecar.yaml:2: tls.key: is required"),
                errors("service: orders\ntls: {ca: certs/absent.pem}\n"));
    }

    @Test
    void passthroughCaMustExist() {
        assertEquals(List.of("sidecar.yaml:2: outbound.passthrough-ca: no such file: " + dir.resolve("certs/absent.pem")),
                errors("service: orders\noutbound: {passthrough-ca: certs/absent.pem}\n"));
    }

    @Test
    void caIsOnlyForTlsServices() {
        assertEquals(List.of("sidecar.yaml:3: services.payments.ca: is only used with tls: tls "
                        + "(mesh peers are checked against the top-level tls.ca)"),
                errors("service: orders\nservices:\n  payments: {endpoints: [h:1], ca: certs/ca.pem}\n"));
    }

    private List<String> errors(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "sidecar.yaml", dir)).renderedErrors();
    }
}
