package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.TestPorts;
import dev.outrigger.sidecar.TestUpstream;
import dev.outrigger.sidecar.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the caller sees when upstreams are slow, gone, or asked several things on one connection. */
class DeadlineAndFailureTest {

    private final TestUpstream upstream;
    private Sidecar sidecar;
    private int outboundPort;

    DeadlineAndFailureTest() throws IOException {
        upstream = new TestUpstream();
    }

    @AfterEach
    void stop() {
        if (sidecar != null) {
            sidecar.close();
        }
        upstream.close();
    }

    private void startSidecar(String endpoints, String policies) throws Exception {
        outboundPort = TestPorts.free();
        sidecar = Sidecar.start(ConfigLoader.parse("""
                service: caller
                listeners: {outbound: 127.0.0.1:%d, admin: 127.0.0.1:%d}
                services:
                  slow:
                    endpoints: [%s]
                    %s
                """.formatted(outboundPort, TestPorts.free(), endpoints, policies), "test.yaml"));
    }

    @Test
    void aResponseLaterThanTheTimeoutBecomes504Timeout() throws Exception {
        upstream.delay(2_000);
        startSidecar(upstream.address(), "timeout: 200ms");
        HttpResponse<String> response = get("http://slow/x");
        assertEquals(504, response.statusCode());
        assertEquals("timeout", response.headers().firstValue(LocalReply.ERROR_HEADER).orElse(""));
    }

    @Test
    void aSlowTryIsRetriedAfterItsPerTryTimeout() throws Exception {
        TestUpstream fast = new TestUpstream();
        try (fast) {
            upstream.delay(2_000);
            startSidecar(upstream.address() + ", " + fast.address(),
                    "retry: {attempts: 2, per-try-timeout: 200ms, on: [per-try-timeout], backoff: {base: 1ms, max: 1ms}}");
            HttpResponse<String> response = get("http://slow/x");
            assertEquals(200, response.statusCode());
            assertEquals(1, upstream.requests());
            assertEquals(1, fast.requests());
        }
    }

    @Test
    void anEndpointNobodyListensOnIsReported502Unreachable() throws Exception {
        startSidecar("127.0.0.1:" + TestPorts.free(), "retry: {attempts: 2, backoff: {base: 1ms, max: 1ms}}");
        HttpResponse<String> response = get("http://slow/x");
        assertEquals(502, response.statusCode());
        assertEquals("upstream-unreachable", response.headers().firstValue(LocalReply.ERROR_HEADER).orElse(""));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        startSidecar(upstream.address(), "timeout: 5s");
        try (Socket socket = new Socket("127.0.0.1", outboundPort)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET http://slow/first HTTP/1.1\r\nHost: slow\r\n\r\n"
                    + "POST http://slow/second HTTP/1.1\r\nHost: slow\r\nContent-Length: 3\r\n\r\nabc"
                    + "GET http://slow/third HTTP/1.1\r\nHost: slow\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            int first = all.indexOf("GET /first host=slow body=0");
            int second = all.indexOf("POST /second host=slow body=3");
            int third = all.indexOf("GET /third host=slow body=0");
            assertTrue(first >= 0 && first < second && second < third, all);
        }
    }

    @Test
    void aHeadResponseHasNoBodyAndTheConnectionStaysUsable() throws Exception {
        startSidecar(upstream.address(), "timeout: 5s");
        try (Socket socket = new Socket("127.0.0.1", outboundPort)) {
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD http://slow/h HTTP/1.1\r\nHost: slow\r\n\r\n"
                    + "GET http://slow/g HTTP/1.1\r\nHost: slow\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals(2, all.split("HTTP/1.1 200 OK", -1).length - 1, all);
            assertTrue(all.endsWith("GET /g host=slow body=0\n"), all);
            assertTrue(!all.contains("HEAD /h"), "the HEAD response carried a body: " + all);
        }
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", outboundPort)))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
