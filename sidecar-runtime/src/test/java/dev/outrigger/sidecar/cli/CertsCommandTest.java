package dev.outrigger.sidecar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.config.TlsFiles;
import dev.outrigger.sidecar.metrics.MetricsRegistry;
import dev.outrigger.sidecar.tls.MeshTls;
import dev.outrigger.sidecar.tls.Pem;
import dev.outrigger.sidecar.tls.SpiffeId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCommandTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            List.of(new CertsCommand(Clock.fixed(NOW, ZoneOffset.UTC))));

    @Test
    void issuesAServiceCertificateSignedByTheCa() throws Exception {
        assertEquals(0, main.execute("certs", "ca", "--dir", dir.toString()), err());
        assertEquals(0, main.execute("certs", "issue", "--dir", dir.toString(), "--service", "orders"), err());

        X509Certificate ca = Pem.readCertificates(dir.resolve("ca.pem")).get(0);
        X509Certificate certificate = Pem.readCertificates(dir.resolve("orders.pem")).get(0);
        certificate.verify(ca.getPublicKey());
        assertEquals(SpiffeId.parse("spiffe://outrigger.local/orders"), SpiffeId.of(certificate));
        assertEquals("secp256r1 [NIST P-256,X9.62 prime256v1] (1.2.840.10045.3.1.7)",
                ((ECPublicKey) certificate.getPublicKey()).getParams().toString());
        assertEquals(List.of(SERVER_AUTH, CLIENT_AUTH), certificate.getExtendedKeyUsage());
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertTrue(ca.getBasicConstraints() >= 0, "a CA");
        assertEquals(NOW.plus(Duration.ofDays(365)), certificate.getNotAfter().toInstant());
        assertTrue(certificate.getNotBefore().toInstant().isBefore(NOW));
        assertTrue(out().contains("orders.pem"), out());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("orders.pem"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("orders-key.pem"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca-key.pem"))));
    }

    @Test
    void issuedFilesAreWhatTheSidecarLoads() throws Exception {
        main.execute("certs", "ca", "--dir", dir.toString());
        assertEquals(0, main.execute("certs", "issue", "--dir=" + dir, "--service=payments",
                "--trust-domain", "example.org", "--days", "7"), err());
        SpiffeId payments = SpiffeId.parse("spiffe://example.org/payments");
        TlsFiles files = new TlsFiles(dir.resolve("ca.pem"), dir.resolve("payments.pem"), dir.resolve("payments-key.pem"));
        try (MeshTls mesh = MeshTls.load(files, payments, Clock.fixed(NOW, ZoneOffset.UTC), new MetricsRegistry())) {
            assertEquals(payments, mesh.self());
        }
        assertEquals(NOW.plus(Duration.ofDays(7)),
                Pem.readCertificates(files.cert()).get(0).getNotAfter().toInstant());
    }

    @Test
    void neverOverwritesACa() throws Exception {
        main.execute("certs", "ca", "--dir", dir.toString());
        String before = Files.readString(dir.resolve("ca.pem"));
        assertEquals(1, main.execute("certs", "ca", "--dir", dir.toString()));
        assertTrue(err().contains("already exists"), err());
        assertEquals(before, Files.readString(dir.resolve("ca.pem")));
    }

    @Test
    void issueNeedsACa() {
        assertEquals(1, main.execute("certs", "issue", "--dir", dir.toString(), "--service", "orders"));
        assertTrue(err().contains("certs ca --dir"), err());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, main.execute("certs"));
        assertEquals(2, main.execute("certs", "sign", "--dir", "x"));
        assertEquals(2, main.execute("certs", "ca"));
        assertEquals(2, main.execute("certs", "ca", "--dir", "x", "--service", "orders"));
        assertEquals(2, main.execute("certs", "issue", "--dir", dir.toString()));
        assertEquals(2, main.execute("certs", "issue", "--dir", dir.toString(), "--service", "a/b"));
        assertEquals(2, main.execute("certs", "issue", "--dir", dir.toString(), "--service", "orders", "--days", "0"));
        assertEquals(2, main.execute("certs", "issue", "--dir", dir.toString(), "--service", "orders",
                "--trust-domain", "Example.org"));
        assertTrue(err().contains("--days must be a whole number"), err());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
