package dev.outrigger.bench.jmh;

import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.tls.InvalidMaterialException;
import dev.outrigger.sidecar.tls.TlsUpstream;
import dev.outrigger.sidecar.tls.UpstreamSecurity;
import dev.outrigger.sidecar.config.Address;
import dev.outrigger.sidecar.config.CircuitBreakerConfig;
import dev.outrigger.sidecar.config.OutboundSettings.UnknownHosts;
import dev.outrigger.sidecar.config.RetryConfig;
import dev.outrigger.sidecar.config.ServiceConfig;
import dev.outrigger.sidecar.metrics.MetricsRegistry;
import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.route.Router;
import dev.outrigger.sidecar.tls.UpstreamSecurity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A router over a few services, each with retries, a retry budget and a breaker on, as the benchmarks share. */
final class Services {
    static final Address LISTENER = new Address("127.0.0.1", 15001);
    private static final ProxyMetrics METRICS = new ProxyMetrics(new MetricsRegistry());
    static final RetryConfig RETRIES = new RetryConfig(3, Duration.ofMillis(500),
            Set.of(RetryConfig.RetryOn.CONNECT_FAILURE, RetryConfig.RetryOn.RESET, RetryConfig.RetryOn.GATEWAY_ERROR),
            Set.of(429), 0.2, 10, Duration.ofMillis(25), Duration.ofMillis(250), false);

    private Services() {
    }

    static Cluster cluster(String name, ServiceConfig.Balancer balancer) {
        List<Address> endpoints = List.of(new Address("127.0.0.2", 8080), new Address("127.0.0.3", 8080),
                new Address("127.0.0.4", 8080));
        return Cluster.of(new ServiceConfig(name, endpoints, ServiceConfig.UpstreamTls.NONE, null, balancer,
                Duration.ofSeconds(2), RETRIES, CircuitBreakerConfig.DEFAULT), UpstreamSecurity.PLAINTEXT, METRICS);
    }

    /** Ten services, the way a real sidecar's table looks; requests go to {@code orders}. */
    static Router router() {
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        for (String name : List.of("orders", "payments", "inventory", "users", "search", "cart", "ship", "mail",
                "audit", "auth")) {
            clusters.put(name, cluster(name, ServiceConfig.Balancer.ROUND_ROBIN));
        }
        try {
            return new Router(clusters, UnknownHosts.PASSTHROUGH, LISTENER,
                    Cluster.passthrough(UpstreamSecurity.PLAINTEXT, METRICS),
                    Cluster.passthrough(TlsUpstream.verifiedHost(null), METRICS));
        } catch (InvalidMaterialException systemTrustStore) {
            throw new IllegalStateException(systemTrustStore);
        }
    }
}
