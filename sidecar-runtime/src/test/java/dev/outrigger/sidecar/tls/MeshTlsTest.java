package dev.outrigger.sidecar.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.MutableClock;
import dev.outrigger.sidecar.config.TlsFiles;
import dev.outrigger.sidecar.metrics.MetricsRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshTlsTest {

    private static final SpiffeId ORDERS = SpiffeId.ofService(TestPki.TRUST_DOMAIN, "orders");

    @TempDir
    Path dir;

    private TestPki pki;
    private TlsFiles files;
    private final MetricsRegistry registry = new MetricsRegistry();
    private final MutableClock clock = new MutableClock(Instant.now());
    private MeshTls mesh;

    @BeforeEach
    void load() throws Exception {
        pki = new TestPki(dir);
        files = pki.write("orders", pki.issue("orders"));
        mesh = MeshTls.load(files, ORDERS, clock, registry);
    }

    @AfterEach
    void close() {
        mesh.close();
    }

    @Test
    void contextsAllowOnlyTls13And12WithAeadCiphers() {
        for (SslContext context : List.of(mesh.clientContext(), mesh.serverContext())) {
            SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
            // Netty's OpenSSL engine lists the SSLv2Hello pseudo-protocol (a ClientHello format, not a version).
            assertEquals(List.of("TLSv1.3", "TLSv1.2"), Stream.of(engine.getEnabledProtocols())
                    .filter(protocol -> !protocol.equals("SSLv2Hello")).toList());
            assertFalse(engine.getEnabledCipherSuites().length == 0);
            for (String cipher : engine.getEnabledCipherSuites()) {
                assertTrue(cipher.contains("_GCM_") || cipher.contains("_CHACHA20_POLY1305_"), cipher);
                assertTrue(cipher.startsWith("TLS_AES_") || cipher.startsWith("TLS_CHACHA20_") || cipher.startsWith("TLS_ECDHE_"),
                        cipher);
            }
        }
        assertTrue(mesh.serverContext().newEngine(ByteBufAllocator.DEFAULT).getNeedClientAuth());
    }

    @Test
    void loadRefusesMaterialOfAnotherWorkload() {
        InvalidMaterialException e = assertThrows(InvalidMaterialException.class,
                () -> MeshTls.load(files, SpiffeId.ofService(TestPki.TRUST_DOMAIN, "payments"), clock, new MetricsRegistry()));
        assertTrue(e.getMessage().contains("is not this sidecar's"), e.getMessage());
    }

    @Test
    void strictServerAcceptsOnlyPeersWithOneSpiffeIdOfTheTrustDomainFromTheMeshCa() throws Exception {
        Instant now = Instant.now();
        TestPki otherCa = new TestPki(Files.createDirectory(dir.resolve("other")));
        SpiffeId checkout = SpiffeId.ofService(TestPki.TRUST_DOMAIN, "checkout");
        try (TlsPeer server = new TlsPeer(mesh.serverContext())) {
            assertEquals(checkout.toString(), call(server, pki.issue("checkout")));
            assertTrue(call(server, TestPki.builder(SpiffeId.ofService("evil.local", "checkout")).build(pki.ca))
                    .contains("not of trust domain outrigger.local"));
            assertTrue(call(server, CertificateBuilder.workload("checkout", now.minusSeconds(60), now.plusSeconds(600))
                    .dns("checkout").build(pki.ca)).contains("exactly one URI SAN"));
            assertTrue(call(server, TestPki.builder(checkout).uri("spiffe://outrigger.local/admin").build(pki.ca))
                    .contains("exactly one URI SAN"));
            assertEquals("refused", call(server, otherCa.issue("checkout")));
            assertEquals("refused", call(server, CertificateBuilder.workload(checkout, now.minus(Duration.ofDays(2)),
                    now.minus(Duration.ofDays(1))).build(pki.ca)));
            assertEquals("refused", call(server, CertificateBuilder.workload(checkout, now.plus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(2))).build(pki.ca)));
            assertEquals("refused", call(server, null));
        }
    }

    /** One request over a fresh TLS connection: the body, or {@code refused} when the connection failed. */
    private String call(TlsPeer server, Credential credential) throws Exception {
        try (SSLSocket socket = (SSLSocket) pki.jdkClient(credential).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: peer\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int body = response.indexOf("\r\n\r\n");
            return body < 0 ? "refused" : response.substring(body + 4);
        } catch (IOException e) {
            return "refused";
        }
    }

    @Test
    void rotatesToNewMaterialOnceItHasSettled() throws Exception {
        SslContext before = mesh.clientContext();
        assertFalse(mesh.poll());
        pki.write("orders", pki.issue("orders"));
        assertFalse(mesh.poll(), "a change is taken only once it has stayed the same for a poll");
        assertTrue(mesh.poll());
        assertNotSame(before, mesh.clientContext());
        assertFalse(mesh.poll());
        assertTrue(metrics().contains("outrigger_tls_reloads_total{result=\"ok\"} 1"), metrics());
    }

    @Test
    void refusesBrokenMaterialOnceAndKeepsTheOld() throws Exception {
        SslContext before = mesh.clientContext();
        pki.write("orders", pki.issue("payments"));
        assertFalse(mesh.poll());
        assertFalse(mesh.poll());
        assertFalse(mesh.poll());
        assertSame(before, mesh.clientContext());
        assertTrue(metrics().contains("outrigger_tls_reloads_total{result=\"rejected\"} 1"), metrics());

        Credential other = pki.issue("orders");
        Files.writeString(files.key(), Pem.encode(pki.issue("orders").key()));
        Files.writeString(files.cert(), Pem.encode(other.certificate()));
        mesh.poll();
        assertFalse(mesh.poll(), "a key that is not the certificate's is refused");
        Files.writeString(files.ca(), "not a certificate");
        mesh.poll();
        assertFalse(mesh.poll());
        assertSame(before, mesh.clientContext());
        assertTrue(metrics().contains("outrigger_tls_reloads_total{result=\"rejected\"} 3"), metrics());
    }

    @Test
    void reportsExpiry() {
        Instant notAfter = Instant.parse(metricsNotAfter());
        assertFalse(mesh.expired());
        clock.set(notAfter.minusSeconds(10));
        assertTrue(metrics().contains("outrigger_tls_certificate_expiry_seconds 10"), metrics());
        clock.set(notAfter.plusSeconds(1));
        assertTrue(mesh.expired());
        assertTrue(metrics().contains("outrigger_tls_certificate_expiry_seconds -1"), metrics());
    }

    private String metricsNotAfter() {
        try {
            return Pem.readCertificates(files.cert()).get(0).getNotAfter().toInstant().toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String metrics() {
        StringBuilder text = new StringBuilder();
        registry.writeTo(text);
        return text.toString();
    }
}
