package dev.outrigger.sidecar.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.MutableClock;
import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.TestPorts;
import dev.outrigger.sidecar.config.ConfigLoader;
import dev.outrigger.sidecar.inbound.RawHttp;
import dev.outrigger.sidecar.metrics.MetricsRegistry;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real sidecar originating mTLS ({@code tls: mesh}) and TLS ({@code tls: tls}) to real TLS servers on loopback. */
class TlsOutboundTest {

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static MeshTls paymentsTls;
    private static TlsPeer payments;
    private static TlsPeer website;
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static Sidecar sidecar;
    private static HttpClient client;
    private static int adminPort;
    private static int outboundPort;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(dir);
        pki.write("caller", pki.issue("caller"));
        paymentsTls = MeshTls.load(pki.write("payments", pki.issue("payments")),
                SpiffeId.ofService(TestPki.TRUST_DOMAIN, "payments"), Clock.systemUTC(), new MetricsRegistry());
        payments = new TlsPeer(paymentsTls.serverContext());
        website = TlsPeer.website(pki);
        outboundPort = TestPorts.free();
        adminPort = TestPorts.free();
        Path config = dir.resolve("sidecar.yaml");
        Files.writeString(config, """
                service: caller
                listeners: {outbound: 127.0.0.1:%d, admin: 127.0.0.1:%d}
                tls: {ca: ca.pem, cert: caller.pem, key: caller-key.pem}
                services:
                  payments: {endpoints: [127.0.0.1:%d], tls: mesh}
                  ledger: {endpoints: [127.0.0.1:%d], tls: mesh, retry: {attempts: 1}}
                  payments-plain: {endpoints: [127.0.0.1:%d], retry: {attempts: 1}}
                  web: {endpoints: [localhost:%d], tls: tls, ca: ca.pem}
                  web-by-ip: {endpoints: [127.0.0.1:%d], tls: tls, ca: ca.pem, retry: {attempts: 1}}
                  web-public-trust: {endpoints: [localhost:%d], tls: tls, retry: {attempts: 1}}
                """.formatted(outboundPort, adminPort, payments.port(), payments.port(), payments.port(), website.port(),
                website.port(), website.port()));
        sidecar = Sidecar.start(ConfigLoader.load(config), CLOCK);
        client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", outboundPort)))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        payments.close();
        website.close();
        paymentsTls.close();
    }

    @Test
    void meshCallPresentsOurIdentityOverOnePooledConnection() throws Exception {
        int before = payments.connections();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get("http://payments/charge");
            assertEquals(200, response.statusCode());
            assertEquals("spiffe://outrigger.local/caller", response.body());
        }
        assertTrue(payments.connections() - before <= 1, "at most one new connection, kept alive and reused");
    }

    @Test
    void anHttpsCallToAMeshServiceGoesOverMtls() throws Exception {
        RawHttp.Response response = RawHttp.send(null, outboundPort, "GET https://payments/charge HTTP/1.1\r\n"
                + "Host: payments\r\n");
        assertEquals(200, response.status(), response.body());
        assertEquals("spiffe://outrigger.local/caller", response.body(), "the sidecar presented its identity");
    }

    @Test
    void peerProvingAnotherServicesIdentityIsRefused() throws Exception {
        assertEquals(200, get("http://payments/charge").statusCode(), "leaves a pooled connection to the same address");
        HttpResponse<String> response = get("http://ledger/entries");
        assertEquals(502, response.statusCode());
        assertEquals("peer-identity-mismatch", response.headers().firstValue("x-outrigger-error").orElse(""));
        assertTrue(response.body().contains("peer presented spiffe://outrigger.local/payments, expected "
                + "spiffe://outrigger.local/ledger"), response.body());
    }

    @Test
    void plainServiceNeverGetsAPooledTlsConnection() throws Exception {
        assertEquals(200, get("http://payments/charge").statusCode(), "leaves a pooled connection to the same address");
        assertEquals(502, get("http://payments-plain/charge").statusCode(), "plaintext to a TLS port fails");
    }

    @Test
    void tlsCallVerifiesTheHostNameAgainstTheConfiguredCa() throws Exception {
        HttpResponse<String> response = get("http://web/");
        assertEquals(200, response.statusCode());
        assertEquals("unverified: peer not authenticated", response.body(), "no client certificate is sent");
    }

    @Test
    void tlsCallToAHostTheCertificateDoesNotNameIsRefused() throws Exception {
        HttpResponse<String> response = get("http://web-by-ip/");
        assertEquals(502, response.statusCode());
        assertEquals("upstream-tls", response.headers().firstValue("x-outrigger-error").orElse(""));
    }

    @Test
    void tlsCallWithoutCaTrustsOnlyTheSystemStore() throws Exception {
        assertEquals(502, get("http://web-public-trust/").statusCode());
    }

    @Test
    void notReadyOnceTheCertificateHasExpired() throws Exception {
        Instant now = CLOCK.instant();
        assertEquals(200, admin("/ready").statusCode());
        try {
            CLOCK.set(now.plus(Duration.ofDays(2)));
            HttpResponse<String> response = admin("/ready");
            assertEquals(503, response.statusCode());
            assertEquals("not ready: certificate expired\n", response.body());
        } finally {
            CLOCK.set(now);
        }
    }

    @Test
    void rotatesTheCertificateUnderTrafficWithoutAFailedCall() throws Exception {
        String reloaded = "outrigger_tls_reloads_total{result=\"ok\"} 1\n";
        pki.write("caller", pki.issue("caller"));
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int calls = 0;
        while (!admin("/metrics").body().contains(reloaded) && System.nanoTime() < giveUp) {
            assertEquals(200, get("http://payments/charge").statusCode());
            calls++;
            Thread.sleep(20);
        }
        String metrics = admin("/metrics").body();
        assertTrue(metrics.contains(reloaded), metrics);
        assertTrue(metrics.contains("outrigger_tls_reloads_total{result=\"rejected\"} 0\n"), metrics);
        assertTrue(calls > 0);
        assertEquals(200, get("http://payments/charge").statusCode());
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
