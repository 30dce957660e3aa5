package dev.outrigger.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.orders.OrderClient;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
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

/**
 * What the advice woven into the JDK's clients gets from the selector: signals for redirected calls only, and for an
 * opted-in https call, its plaintext form for the sidecar.
 */
class JdkClientHookTest {
    private static final URI MESH_CALL = URI.create("http://orders/items/7");

    /** A client built without a proxy, as the woven {@code sendAsync} sees it: its own selector is the default. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().build();

    private static final InetSocketAddress SIDECAR = new InetSocketAddress("127.0.0.1", 15001);

    private static SidecarProxySelector selector(boolean findCaller) {
        return selector(new CallSignals(findCaller), true);
    }

    /** Plain http only to {@code orders}, https to {@code *.example.com} when the sidecar is up; fails open. */
    private static SidecarProxySelector selector(CallSignals signals, boolean sidecarUp) {
        return new SidecarProxySelector(ProxySelector.of(null),
                new RedirectPolicy("127.0.0.1", 15001, List.of(new HostGlob("orders")), List.of(),
                        List.of(new HostGlob("*.example.com"))),
                SIDECAR, new FailModes(FailMode.OPEN, List.of()), () -> sidecarUp,
                StartupWaitTest.NO_WAIT, message -> { }, signals);
    }

    @Test
    void anOptedInHttpsCallGoesToTheSidecarAsTheSameRequestInPlaintextMarkedForTls() {
        URI app = URI.create("https://api.example.com:8443/v1/caf%C3%A9?q=a%20b");
        HttpRequest request = HttpRequest.newBuilder(app).timeout(Duration.ofMillis(1500)).expectContinue(true)
                .version(HttpClient.Version.HTTP_1_1).header("X-Multi", "one").header("X-Multi", "two")
                .PUT(BodyPublishers.ofString("{}")).build();
        SidecarProxySelector selector = selector(CallSignals.OFF, true);

        HttpRequest sent = (HttpRequest) selector.apply(CLIENT, request);

        assertEquals(URI.create("http://api.example.com:8443/v1/caf%C3%A9?q=a%20b"), sent.uri());
        assertEquals(Map.of("X-Multi", List.of("one", "two"), CallSignals.TLS, List.of("1")),
                sent.headers().map());
        assertEquals("PUT", sent.method());
        assertSame(request.bodyPublisher().orElseThrow(), sent.bodyPublisher().orElseThrow());
        assertEquals(request.timeout(), sent.timeout());
        assertTrue(sent.expectContinue());
        assertEquals(request.version(), sent.version());
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, SIDECAR)), selector.select(sent.uri()),
                "never direct, though plain http to that host is not redirected");
        assertEquals(List.of(Proxy.NO_PROXY), selector.select(sent.uri()), "only the one call it was rewritten for");
    }

    @Test
    void anOptedInHttpsCallAlsoCarriesItsSignals() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.example.com/x"))
                .timeout(Duration.ofMillis(900)).build();

        HttpRequest sent = (HttpRequest) selector(new CallSignals(false), true).apply(CLIENT, request);

        assertEquals(Map.of(CallSignals.TLS, List.of("1"), CallSignals.TIMEOUT, List.of("900"),
                CallSignals.REPLAYABLE, List.of("1")), sent.headers().map());
    }

    @Test
    void httpsToAHostNotOptedInOrWhileTheSidecarIsDownIsLeftAlone() {
        HttpRequest other = HttpRequest.newBuilder(URI.create("https://api.other.com/x")).build();
        HttpRequest optedIn = HttpRequest.newBuilder(URI.create("https://api.example.com/x")).build();
        SidecarProxySelector down = selector(CallSignals.OFF, false);

        assertSame(other, selector(CallSignals.OFF, true).apply(CLIENT, other));
        assertSame(optedIn, down.apply(CLIENT, optedIn));
        assertEquals(List.of(Proxy.NO_PROXY), down.select(URI.create("http://api.example.com/x")));
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
