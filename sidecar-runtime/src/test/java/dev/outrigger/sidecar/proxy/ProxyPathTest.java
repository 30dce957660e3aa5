package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.TestPorts;
import dev.outrigger.sidecar.TestUpstream;
import dev.outrigger.sidecar.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbound path in one JVM: a real sidecar on loopback between the JDK client and real upstreams. */
class ProxyPathTest {

    private TestUpstream healthy;
    private TestUpstream failing;
    private Sidecar sidecar;
    private int outboundPort;
    private int adminPort;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        healthy = new TestUpstream();
        failing = new TestUpstream();
        failing.answer(() -> 503);
        outboundPort = TestPorts.free();
        adminPort = TestPorts.free();
        String yaml = """
                service: caller
                listeners: {outbound: 127.0.0.1:%d, admin: 127.0.0.1:%d}
                services:
                  greeter:
                    endpoints: [%s, %s]
                    retry: {attempts: 3, on: [gateway-error, connect-failure], budget: 100%%, backoff: {base: 1ms, max: 2ms}}
                    circuit-breaker: {failure-rate: 50%%, window: 4, minimum-calls: 4, open-for: 1m}
                """.formatted(outboundPort, adminPort, healthy.address(), failing.address());
        sidecar = Sidecar.start(ConfigLoader.parse(yaml, "test.yaml"));
        client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", outboundPort)))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @AfterEach
    void stop() {
        sidecar.close();
        healthy.close();
        failing.close();
    }

    @Test
    void everyCallSucceedsWhenOneOfTwoEndpointsFails() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = get("http://greeter/hello?i=" + i);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("GET /hello?i=" + i + " host=greeter body=0\n", response.body());
        }
        assertTrue(failing.requests() > 0, "the failing endpoint was tried");
        assertTrue(metrics().contains("outrigger_retries_total{service=\"greeter\"} " + failing.requests()));
    }

    @Test
    void breakerOpensWhenEveryEndpointFails() throws Exception {
        healthy.answer(() -> 503);
        for (int i = 0; i < 4; i++) {
            assertEquals(503, get("http://greeter/x").statusCode());
        }
        int reached = healthy.requests() + failing.requests();
        HttpResponse<String> refused = get("http://greeter/x");
        assertEquals(503, refused.statusCode());
        assertEquals("circuit-open", refused.headers().firstValue(LocalReply.ERROR_HEADER).orElse(""));
        assertEquals(reached, healthy.requests() + failing.requests(), "nothing reached an upstream");
        assertTrue(metrics().contains("outrigger_circuit_breaker_state{service=\"greeter\",state=\"open\"} 1"));
    }

    @Test
    void pathPrefixFormReachesTheService() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + outboundPort + "/greeter/a/b?c=d")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("GET /a/b?c=d host=greeter body=0\n", response.body());
    }

    @Test
    void postIsNotRetried() throws Exception {
        healthy.answer(() -> 503);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://greeter/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, response.statusCode());
        assertEquals(1, healthy.requests() + failing.requests());
    }

    @Test
    void connectionsAreCountedOnceWhenTheyCarryRequests() throws Exception {
        new Socket("127.0.0.1", outboundPort).close(); // a reachability probe: no request
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("http://greeter/hello").statusCode());
        }
        String scraped = metrics();
        assertTrue(scraped.contains("outrigger_connections_with_requests_total{listener=\"outbound\"} 1\n"), scraped);
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metrics() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

}
