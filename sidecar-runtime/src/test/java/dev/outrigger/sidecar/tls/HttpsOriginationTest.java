package dev.outrigger.sidecar.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.TestPorts;
import dev.outrigger.sidecar.config.ConfigLoader;
import dev.outrigger.sidecar.inbound.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's https:// calls handed to the sidecar in plaintext ({@code GET https://host/x}, or {@code GET
 * http://host:443/x} with {@code x-outrigger-tls: 1}): the sidecar originates TLS to a real TLS server on loopback,
 * whose certificate names only {@code localhost} and chains to a test CA that the sidecar, not the caller, trusts.
 */
class HttpsOriginationTest {

    @TempDir
    static Path dir;

    private static TlsPeer website;
    private static Sidecar sidecar;
    private static int outboundPort;
    private static int adminPort;

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = new TestPki(dir);
        website = TlsPeer.website(pki);
        outboundPort = TestPorts.free();
        adminPort = TestPorts.free();
        Path config = dir.resolve("sidecar.yaml");
        Files.writeString(config, """
                service: caller
                listeners: {outbound: 127.0.0.1:%d, admin: 127.0.0.1:%d}
                outbound: {passthrough-ca: ca.pem}
                services:
                  web: {endpoints: [127.0.0.1:%d, localhost:%d], tls: tls, ca: ca.pem, retry: {attempts: 2}}
                  plain: {endpoints: [localhost:%d]}
                """.formatted(outboundPort, adminPort, website.port(), website.port(), website.port()));
        sidecar = Sidecar.start(ConfigLoader.load(config));
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        website.close();
    }

    @Test
    void httpsTargetToAServiceIsRetriedAroundAnEndpointThatFailsVerification() throws Exception {
        long retriesBefore = retries("web");
        for (int i = 0; i < 4; i++) {
            RawHttp.Response response = send("GET https://web/orders HTTP/1.1\r\nHost: web\r\n");
            assertEquals(200, response.status(), response.body());
            assertEquals("web", response.header("x-seen-host"), "the Host the app wrote");
        }
        assertTrue(retries("web") - retriesBefore >= 2, "every other try meets the endpoint whose certificate does not name it");
    }

    @Test
    void markerFormToAnUnknownHostPassesThroughOverTlsWithTheConfiguredCa() throws Exception {
        RawHttp.Response response = send("GET http://localhost:" + website.port() + "/x HTTP/1.1\r\n"
                + "Host: localhost:" + website.port() + "\r\nx-outrigger-tls: 1\r\n");
        assertEquals(200, response.status(), response.body());
        assertEquals("unverified: peer not authenticated", response.body(), "TLS, with no client certificate");
        assertFalse(response.header("x-seen-headers").contains("x-outrigger-tls"), response.header("x-seen-headers"));
    }

    @Test
    void httpsTargetToAnUnknownHostPassesThroughOverTls() throws Exception {
        RawHttp.Response response = send("GET https://localhost:" + website.port() + "/x HTTP/1.1\r\n"
                + "Host: localhost:" + website.port() + "\r\n");
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void aCertificateThatDoesNotNameTheHostGivesUpstreamTls() throws Exception {
        RawHttp.Response response = send("GET https://127.0.0.1:" + website.port() + "/x HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + website.port() + "\r\n");
        assertEquals(502, response.status());
        assertEquals("upstream-tls", response.header("x-outrigger-error"), response.body());
    }

    @Test
    void httpsToAServiceConfiguredPlainIsRefusedNotDowngraded() throws Exception {
        RawHttp.Response response = send("GET https://plain/x HTTP/1.1\r\nHost: plain\r\n");
        assertEquals(502, response.status());
        assertEquals("tls-not-configured", response.header("x-outrigger-error"), response.body());
    }

    private static RawHttp.Response send(String requestLineAndHeaders) throws Exception {
        return RawHttp.send(null, outboundPort, requestLineAndHeaders);
    }

    private static long retries(String service) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher sample = Pattern.compile("outrigger_retries_total\\{service=\"" + service + "\"} (\\d+)")
                .matcher(metrics);
        return sample.find() ? Long.parseLong(sample.group(1)) : 0;
    }
}
