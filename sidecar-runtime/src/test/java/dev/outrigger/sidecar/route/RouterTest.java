package dev.outrigger.sidecar.route;

import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.config.Address;
import dev.outrigger.sidecar.config.CircuitBreakerConfig;
import dev.outrigger.sidecar.config.OutboundSettings.UnknownHosts;
import dev.outrigger.sidecar.config.RetryConfig;
import dev.outrigger.sidecar.config.ServiceConfig;
import dev.outrigger.sidecar.metrics.MetricsRegistry;
import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.proxy.LocalReply.Reason;
import dev.outrigger.sidecar.tls.UpstreamSecurity;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class RouterTest {

    private static final Address LISTENER = new Address("127.0.0.1", 15001);
    private static final ProxyMetrics METRICS = new ProxyMetrics(new MetricsRegistry());
    private final Cluster orders = Cluster.of(new ServiceConfig("orders", List.of(new Address("127.0.0.2", 8080)),
            ServiceConfig.UpstreamTls.NONE, null, ServiceConfig.Balancer.ROUND_ROBIN, Duration.ofSeconds(1),
            RetryConfig.DEFAULT, CircuitBreakerConfig.DEFAULT), UpstreamSecurity.PLAINTEXT, METRICS);
    private static final UpstreamSecurity TLS = (channel, address) -> channel.newSucceededFuture();
    private final Cluster secureOrders = Cluster.of(new ServiceConfig("secure-orders",
            List.of(new Address("127.0.0.3", 8443)), ServiceConfig.UpstreamTls.TLS, null,
            ServiceConfig.Balancer.ROUND_ROBIN, Duration.ofSeconds(1), RetryConfig.DEFAULT,
            CircuitBreakerConfig.DEFAULT), TLS, METRICS);
    private final Cluster plainPassthrough = Cluster.passthrough(UpstreamSecurity.PLAINTEXT, METRICS);
    private final Cluster tlsPassthrough = Cluster.passthrough(TLS, METRICS);
    private final Map<String, Cluster> services = Map.of("orders", orders, "secure-orders", secureOrders);
    private final Router passthrough = new Router(services, UnknownHosts.PASSTHROUGH, LISTENER, plainPassthrough,
            tlsPassthrough);
    private final Router rejecting = new Router(services, UnknownHosts.REJECT, LISTENER, plainPassthrough,
            tlsPassthrough);

    @ParameterizedTest(name = "{0} with Host {1} goes to orders as {2} with Host {3}")
    @CsvSource({
            "http://orders/x?y=1,      ,                 /x?y=1, orders",
            "http://ORDERS:80,         ,                 /,      ORDERS:80",
            "http://orders?q,          ,                 /?q,    orders",
            "/x,                       orders,           /x,     orders",
            "/x,                       orders.,          /x,     orders.",
            "/orders/x/y?z,            127.0.0.1:15001,  /x/y?z, orders",
            "/orders,                  localhost:15001,  /,      orders",
            "http://127.0.0.1:15001/orders?a=b, ,         /?a=b,  orders",
    })
    void routesEachRequestFormToTheService(String uri, String host, String upstreamUri, String authority) {
        Route route = passthrough.route(request(uri, host));
        Route.ToService service = assertInstanceOf(Route.ToService.class, route);
        assertEquals(orders, service.cluster());
        assertEquals(upstreamUri, service.uri());
        assertEquals(authority, service.authority());
    }

    @Test
    void unknownHostsPassThroughToTheirOwnAddress() {
        Route.Passthrough route = assertInstanceOf(Route.Passthrough.class,
                passthrough.route(request("http://example.test:8081/a", null)));
        assertEquals("example.test", route.host());
        assertEquals(8081, route.port());
        assertEquals("/a", route.uri());
    }

    @ParameterizedTest(name = "{0} with Host {1} is refused: {2}")
    @CsvSource({
            "http://example.test/a,  ,                UNKNOWN_HOST",
            "/a,                     example.test,    UNKNOWN_HOST",
            "/nope/a,                127.0.0.1:15001, UNKNOWN_SERVICE",
            "/,                      127.0.0.1:15001, UNKNOWN_SERVICE",
            "ftp://orders/a,         ,                BAD_REQUEST",
            "https://example.test/a, ,                UNKNOWN_HOST",
            "https://orders/a,       ,                TLS_NOT_CONFIGURED",
            "/a,                     ,                BAD_REQUEST",
            "/a,                     user@orders,     BAD_REQUEST",
            "/a,                     orders:99999,    BAD_REQUEST",
            "*,                      orders,          BAD_REQUEST",
    })
    void refusesWhatItCannotRoute(String uri, String host, Reason reason) {
        Route.Refused refused = assertInstanceOf(Route.Refused.class, rejecting.route(request(uri, host)));
        assertEquals(reason, refused.reason());
    }

    @Test
    void refusesTwoHostHeaders() {
        HttpRequest twoHosts = request("/a", "orders");
        twoHosts.headers().add("Host", "evil");
        assertEquals(Reason.BAD_REQUEST, assertInstanceOf(Route.Refused.class, passthrough.route(twoHosts)).reason());
    }

    @Test
    void tunnelsConnectToAnUnknownHostOnlyWhereUnknownHostsPassThrough() {
        assertEquals(new Route.Tunnel("api.example.test", 8443), passthrough.route(connect("API.example.test:8443")));
        assertEquals(Reason.UNKNOWN_HOST, refusal(rejecting, connect("api.example.test:443")));
        assertEquals(Reason.METHOD_NOT_ALLOWED, refusal(passthrough, connect("orders:443")), "never to a service");
        assertEquals(Reason.BAD_REQUEST, refusal(passthrough, connect("api.example.test")), "no port");
        assertEquals(Reason.BAD_REQUEST, refusal(passthrough, connect("/a")));
    }

    private static HttpRequest connect(String target) {
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.CONNECT, target);
    }

    private static Reason refusal(Router router, HttpRequest request) {
        return assertInstanceOf(Route.Refused.class, router.route(request)).reason();
    }

    @Test
    void httpsUnknownHostsPassThroughOverTlsToPort443() {
        Route.Passthrough route = assertInstanceOf(Route.Passthrough.class,
                passthrough.route(request("HTTPS://api.example.test/a?b", "api.example.test")));
        assertEquals(tlsPassthrough, route.cluster());
        assertEquals("api.example.test", route.host());
        assertEquals(443, route.port(), "https's default port");
        assertEquals("/a?b", route.uri());
        assertEquals("api.example.test", route.authority());
    }

    @Test
    void markerOnAbsoluteHttpFormMeansTlsAndIsRemoved() {
        HttpRequest request = request("http://api.example.test:443/a", "api.example.test");
        request.headers().set(Router.TLS_MARKER, "1");
        Route.Passthrough route = assertInstanceOf(Route.Passthrough.class, passthrough.route(request));
        assertEquals(tlsPassthrough, route.cluster());
        assertEquals(443, route.port());
        assertEquals("api.example.test", route.authority(), "the Host the app wrote, not the target's host:443");
        assertEquals(null, request.headers().get(Router.TLS_MARKER));
    }

    @Test
    void markerOnOriginFormMeansTlsToTheHost() {
        HttpRequest request = request("/a", "api.example.test");
        request.headers().set(Router.TLS_MARKER, "1");
        Route.Passthrough route = assertInstanceOf(Route.Passthrough.class, passthrough.route(request));
        assertEquals(tlsPassthrough, route.cluster());
        assertEquals("api.example.test", route.host());
        assertEquals(443, route.port());
        assertEquals(null, request.headers().get(Router.TLS_MARKER));
    }

    @Test
    void aMarkerOtherThanOneIsRemovedAndIgnored() {
        HttpRequest request = request("/a", "example.test:8081");
        request.headers().set(Router.TLS_MARKER, "yes");
        Route.Passthrough route = assertInstanceOf(Route.Passthrough.class, passthrough.route(request));
        assertEquals(plainPassthrough, route.cluster());
        assertEquals(8081, route.port());
        assertEquals(null, request.headers().get(Router.TLS_MARKER));
    }

    @Test
    void httpsToAServiceUsesTheServicesOwnTlsAndKeepsTheHostHeader() {
        Route.ToService route = assertInstanceOf(Route.ToService.class,
                passthrough.route(request("https://secure-orders/x", "Secure-Orders")));
        assertEquals(secureOrders, route.cluster());
        assertEquals("/x", route.uri());
        assertEquals("Secure-Orders", route.authority());
    }

    @Test
    void plainHttpStillGoesToThePlainPassthrough() {
        Route.Passthrough route = assertInstanceOf(Route.Passthrough.class,
                passthrough.route(request("http://example.test/a", null)));
        assertEquals(plainPassthrough, route.cluster());
        assertEquals(80, route.port());
    }

    private static HttpRequest request(String uri, String host) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        if (host != null) {
            request.headers().set("Host", host);
        }
        return request;
    }
}
