package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.TestPorts;
import dev.outrigger.sidecar.TestUpstream;
import dev.outrigger.sidecar.config.ConfigLoader;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the app's agent says in {@code x-outrigger-*} request headers, and what the outbound sidecar does with it. */
class AgentSignalsTest {

    private final TestUpstream upstream;
    private Sidecar sidecar;
    private int outboundPort;
    private int adminPort;

    AgentSignalsTest() throws IOException {
        upstream = new TestUpstream();
    }

    @AfterEach
    void stop() {
        if (sidecar != null) {
            sidecar.close();
        }
        upstream.close();
    }

    @Test
    void signalsAreReadThenEveryOutriggerHeaderIsRemoved() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("X-Outrigger-Timeout", "250")
                .add("x-outrigger-replayable", "1")
                .add("x-outrigger-caller", "com.example.OrderService$Inner")
                .add("x-outrigger-anything", "x")
                .add("x-outriggers", "not ours");
        AgentSignals signals = AgentSignals.takeFrom(headers);
        assertEquals(new AgentSignals(250_000_000L, true, "com.example.OrderService$Inner"), signals);
        assertEquals(1, headers.size());
        assertEquals("not ours", headers.get("x-outriggers"));
    }

    @Test
    void valuesThatDoNotParseAreIgnored() {
        AgentSignals signals = AgentSignals.takeFrom(new DefaultHttpHeaders()
                .add(AgentSignals.TIMEOUT, "-5")
                .add(AgentSignals.REPLAYABLE, "yes")
                .add(AgentSignals.CALLER, "not a class name"));
        assertEquals(new AgentSignals(0, false, null), signals);
        assertEquals(Long.MAX_VALUE, AgentSignals.takeFrom(new DefaultHttpHeaders()
                .add(AgentSignals.TIMEOUT, "999999999999999999")).timeoutNanos());
    }

    @Test
    void theSidecarWaitsForTheCallerItsTimeoutAndAGrace() {
        assertEquals(100 + AgentSignals.GRACE_NANOS, new AgentSignals(100, false, null).callerWaitNanos());
        assertEquals(Long.MAX_VALUE, AgentSignals.NONE.callerWaitNanos());
        assertEquals(Long.MAX_VALUE, new AgentSignals(Long.MAX_VALUE, false, null).callerWaitNanos());
    }

    @Test
    void theUpstreamNeverSeesTheAgentsHeaders() throws Exception {
        startSidecar("timeout: 5s");
        HttpResponse<String> response = send(request("GET")
                .header(AgentSignals.CALLER, "com.example.Caller")
                .header("X-Outrigger-Future", "x")
                .header("x-app", "kept"));
        assertEquals(200, response.statusCode());
        assertEquals("kept", upstream.lastHeaders().getFirst("x-app"));
        assertTrue(upstream.lastHeaders().keySet().stream().noneMatch(n -> n.toLowerCase().startsWith("x-outrigger-")),
                upstream.lastHeaders().keySet().toString());
    }

    @Test
    void theSidecarGivesUpAtTheCallersTimeoutWhenThatIsShorterWithoutBlamingTheService() throws Exception {
        upstream.delay(3_000);
        startSidecar("timeout: 10s\n    circuit-breaker: {failure-rate: 50%, window: 1, minimum-calls: 1, open-for: 1m}");
        long start = System.nanoTime();
        HttpResponse<String> response = send(request("GET").header(AgentSignals.TIMEOUT, "300"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, response.statusCode());
        assertEquals("timeout", response.headers().firstValue(LocalReply.ERROR_HEADER).orElse(""));
        assertTrue(response.body().contains("within " + (300 + TimeUnit.NANOSECONDS.toMillis(AgentSignals.GRACE_NANOS))
                + " ms"), response.body());
        assertTrue(tookMillis < 2_500, "took " + tookMillis + " ms");
        assertTrue(metrics().contains("outrigger_circuit_breaker_state{service=\"svc\",state=\"closed\"} 1"),
                "the caller's impatience is no failure of the service");
    }

    @Test
    void theCallersTimeoutCountsFromTheEndOfItsUpload() throws Exception {
        startSidecar("timeout: 10s");
        try (Socket caller = new Socket("127.0.0.1", outboundPort)) {
            caller.setSoTimeout(10_000);
            OutputStream out = caller.getOutputStream();
            out.write(("POST http://svc/x HTTP/1.1\r\nHost: svc\r\n" + AgentSignals.TIMEOUT + ": 300\r\n"
                    + "Content-Length: 4\r\n\r\nup").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300 + TimeUnit.NANOSECONDS.toMillis(AgentSignals.GRACE_NANOS) + 300); // a slow upload
            out.write("ld".getBytes(StandardCharsets.US_ASCII));
            String head = new String(caller.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", head, "answered, not given up on while the caller was still sending");
        }
    }

    @Test
    void noRetryStartsAfterTheCallersDeadline() throws Exception {
        upstream.delay(300 + TimeUnit.NANOSECONDS.toMillis(AgentSignals.GRACE_NANOS) + 100);
        upstream.answer(() -> 503);
        startSidecar("retry: {attempts: 3, on: [gateway-error], budget: 100%, backoff: {base: 1ms, max: 1ms}}");
        HttpResponse<String> response = send(request("GET").header(AgentSignals.TIMEOUT, "300"));
        assertEquals(504, response.statusCode());
        assertEquals(1, upstream.requests());
    }

    @Test
    void aPostIsRetriedOnlyWithAnIdempotencyKeyAndABodyTheAppCouldReplay() throws Exception {
        startSidecar("retry: {attempts: 2, on: [gateway-error], budget: 100%, backoff: {base: 1ms, max: 1ms}}");
        assertEquals(1, triesOfFailingPost(request("POST").header("Idempotency-Key", "k1")));
        assertEquals(1, triesOfFailingPost(request("POST").header(AgentSignals.REPLAYABLE, "1")));
        assertEquals(2, triesOfFailingPost(request("POST").header("Idempotency-Key", "k2")
                .header(AgentSignals.REPLAYABLE, "1")));
    }

    @Test
    void requestsAreCountedByTheCallingClass() throws Exception {
        startSidecar("timeout: 5s");
        send(request("GET").header(AgentSignals.CALLER, "com.example.Orders"));
        send(request("GET").header(AgentSignals.CALLER, "com.example.Orders"));
        send(request("GET"));
        String metrics = metrics();
        assertTrue(metrics.contains("outrigger_requests_by_caller_total{service=\"svc\",caller=\"com.example.Orders\"} 2"),
                metrics);
        assertFalse(metrics.contains("caller=\"\""), metrics);
    }

    /** The upstream fails the first try with 503 and answers any later one; returns how many tries it saw. */
    private int triesOfFailingPost(HttpRequest.Builder post) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        upstream.answer(() -> seen.incrementAndGet() == 1 ? 503 : 200);
        int status = send(post).statusCode();
        assertEquals(seen.get() == 1 ? 503 : 200, status);
        return seen.get();
    }

    private void startSidecar(String policies) throws Exception {
        outboundPort = TestPorts.free();
        adminPort = TestPorts.free();
        sidecar = Sidecar.start(ConfigLoader.parse("""
                service: caller
                listeners: {outbound: 127.0.0.1:%d, admin: 127.0.0.1:%d}
                services:
                  svc:
                    endpoints: [%s]
                    %s
                """.formatted(outboundPort, adminPort, upstream.address(), policies), "test.yaml"));
    }

    private static HttpRequest.Builder request(String method) {
        return HttpRequest.newBuilder(URI.create("http://svc/x"))
                .method(method, HttpRequest.BodyPublishers.ofString("{\"order\":7}"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", outboundPort)))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metrics() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
