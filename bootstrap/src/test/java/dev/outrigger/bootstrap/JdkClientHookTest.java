package dev.outrigger.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.example.orders.OrderClient;
import java.io.ByteArrayInputStream;
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

    /** A client built without a proxy, as the woven {@code sendAsync} sees it: its own selector is the default. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().build();

    private static SidecarProxySelector selector(boolean findCaller) {
        return new SidecarProxySelector(ProxySelector.of(null),
                new RedirectPolicy("127.0.0.1", 15001, List.of(), List.of()),
                new InetSocketAddress("127.0.0.1", 15001), new FailModes(FailMode.CLOSED, List.of()), () -> true,
                StartupWaitTest.NO_WAIT, message -> { }, new CallSignals(findCaller));
    }

    @Test
    void aRedirectedRequestGetsItsTimeoutAndReplayabilityAndCaller() {
        HttpRequest request = HttpRequest.newBuilder(MESH_CALL).timeout(Duration.ofMillis(1500))
                .header("Idempotency-Key", "k").POST(BodyPublishers.ofString("{}")).build();

        HttpRequest sent = (HttpRequest) OrderClient.call(selector(true), CLIENT, request);

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

        HttpRequest sent = (HttpRequest) selector(false).apply(CLIENT, request);

        assertSame(request, sent, "nothing to say, so nothing is copied");
    }

    @Test
    void aCallThatDoesNotGoToTheSidecarIsLeftAlone() {
        HttpRequest direct = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/x")).timeout(Duration.ofSeconds(1))
                .build();
        assertSame(direct, selector(true).apply(CLIENT, direct));
    }

    @Test
    void aClientWithASelectorOfItsOwnIsLeftAlone() {
        HttpClient own = HttpClient.newBuilder().proxy(ProxySelector.of(null)).build();
        HttpRequest request = HttpRequest.newBuilder(MESH_CALL).timeout(Duration.ofSeconds(1)).build();
        assertSame(request, selector(true).apply(own, request));
    }

    @Test
    void anythingElseComesBackUnchanged() {
        Object unknown = new Object();
        assertSame(unknown, selector(true).apply(new Object(), unknown));
    }

    @Test
    void theCallingClassSkipsTheJdkAndClientLibraries() {
        assertFalse(CallingClass.isApp("jdk.internal.net.http.HttpClientImpl"));
        assertFalse(CallingClass.isApp("okhttp3.RealCall"));
        assertFalse(CallingClass.isApp("org.springframework.web.client.RestTemplate"));
        assertEquals(OrderClient.class.getName(),
                ((HttpRequest) OrderClient.call(selector(true), CLIENT, HttpRequest.newBuilder(MESH_CALL).build()))
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
        assertSame(broken, selector(true).apply(CLIENT, broken));
    }
}
