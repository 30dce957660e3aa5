package dev.outrigger.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.example.orders.OrderClient;
import java.io.ByteArrayInputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the advice woven into the JDK's clients gets from the selector: signals for redirected calls only. */
class JdkClientHookTest {
    private static final URI MESH_CALL = URI.create("http://orders/items/7");

    private static SidecarProxySelector selector(boolean findCaller) {
        return new SidecarProxySelector(ProxySelector.of(null),
                new RedirectPolicy("127.0.0.1", 15001, List.of(), List.of()),
                new InetSocketAddress("127.0.0.1", 15001), FailMode.CLOSED, () -> true, message -> { },
                new CallSignals(findCaller));
    }

    @Test
    void aRedirectedRequestGetsItsTimeoutAndReplayabilityAndCaller() {
        HttpRequest request = HttpRequest.newBuilder(MESH_CALL).timeout(Duration.ofMillis(1500))
                .header("Idempotency-Key", "k").POST(BodyPublishers.ofString("{}")).build();

        HttpRequest sent = (HttpRequest) OrderClient.call(selector(true), request, null);

        assertEquals(Map.of("idempotency-key", List.of("k"), CallSignals.TIMEOUT, List.of("1500"),
                CallSignals.REPLAYABLE, List.of("1"), CallSignals.CALLER, List.of(OrderClient.class.getName())),
                sent.headers().map());
        assertEquals(request.uri(), sent.uri());
        assertEquals("POST", sent.method());
        assertSame(request.bodyPublisher().orElseThrow(), sent.bodyPublisher().orElseThrow());
        assertEquals(request.timeout(), sent.timeout());
    }

    @Test
    void aStreamedBodyIsNotReplayableAndNoTimeoutMeansNoHeader() {
        HttpRequest request = HttpRequest.newBuilder(MESH_CALL)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1]))).build();

        HttpRequest sent = (HttpRequest) selector(false).apply(request, null);

        assertSame(request, sent, "nothing to say, so nothing is copied");
    }

    @Test
    void aCallThatDoesNotGoToTheSidecarIsLeftAlone() {
        HttpRequest direct = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/x")).timeout(Duration.ofSeconds(1))
                .build();
        assertSame(direct, selector(true).apply(direct, null));
    }

    @Test
    void aConnectionGetsItsReadTimeoutAndWhetherItsBodyStreams() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) MESH_CALL.toURL().openConnection();
        connection.setReadTimeout(2500);

        assertEquals(Map.of(CallSignals.TIMEOUT, "2500", CallSignals.REPLAYABLE, "1"),
                selector(false).apply(connection, Boolean.FALSE));
        assertEquals(Map.of(CallSignals.TIMEOUT, "2500"), selector(false).apply(connection, Boolean.TRUE));
    }

    @Test
    void aDirectConnectionGetsNoHeaders() throws Exception {
        HttpURLConnection direct = (HttpURLConnection) URI.create("http://localhost:8080/x").toURL().openConnection();
        assertEquals(Map.of(), selector(true).apply(direct, Boolean.FALSE));
    }

    @Test
    void anythingElseComesBackUnchanged() {
        Object unknown = new Object();
        assertSame(unknown, selector(true).apply(unknown, null));
    }

    @Test
    void theCallingClassSkipsTheJdkAndClientLibraries() {
        assertFalse(CallingClass.isApp("jdk.internal.net.http.HttpClientImpl"));
        assertFalse(CallingClass.isApp("okhttp3.RealCall"));
        assertFalse(CallingClass.isApp("org.springframework.web.client.RestTemplate"));
        assertEquals(OrderClient.class.getName(),
                ((HttpRequest) OrderClient.call(selector(true), HttpRequest.newBuilder(MESH_CALL).build(), null))
                        .headers().firstValue(CallSignals.CALLER).orElse(""));
    }

    @Test
    void aHeaderTheBuilderRefusesLeavesTheRequestAsItIs() {
        HttpRequest request = HttpRequest.newBuilder(MESH_CALL).build();
        assertSame(request, JdkHttpRequests.withHeaders(request, Map.of("Host", "elsewhere")));
    }

    @Test
    void aFaultInsideTheHookSendsTheRequestUnchanged() {
        HttpRequest broken = new HttpRequest() {
            @Override public Optional<BodyPublisher> bodyPublisher() { return Optional.empty(); }
            @Override public String method() { return "GET"; }
            @Override public Optional<Duration> timeout() { return Optional.empty(); }
            @Override public boolean expectContinue() { return false; }
            @Override public URI uri() { throw new IllegalStateException("broken"); }
            @Override public Optional<HttpClient.Version> version() { return Optional.empty(); }
            @Override public HttpHeaders headers() { return HttpHeaders.of(Map.of(), (n, v) -> true); }
        };
        assertSame(broken, selector(true).apply(broken, null));
    }
}
