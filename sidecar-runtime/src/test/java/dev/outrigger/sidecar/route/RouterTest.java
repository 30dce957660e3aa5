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
    private final Router passthrough = new Router(Map.of("orders", orders), UnknownHosts.PASSTHROUGH, LISTENER,
            Cluster.passthrough(METRICS));
    private final Router rejecting = new Router(Map.of("orders", orders), UnknownHosts.REJECT, LISTENER,
            Cluster.passthrough(METRICS));

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
            "https://orders/a,       ,                BAD_REQUEST",
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
    void refusesTwoHostHeadersAndConnect() {
        HttpRequest twoHosts = request("/a", "orders");
        twoHosts.headers().add("Host", "evil");
        assertEquals(Reason.BAD_REQUEST, assertInstanceOf(Route.Refused.class, passthrough.route(twoHosts)).reason());
        HttpRequest connect = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.CONNECT, "orders:443");
        assertEquals(Reason.METHOD_NOT_ALLOWED,
                assertInstanceOf(Route.Refused.class, passthrough.route(connect)).reason());
    }

    private static HttpRequest request(String uri, String host) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        if (host != null) {
            request.headers().set("Host", host);
        }
        return request;
    }
}
