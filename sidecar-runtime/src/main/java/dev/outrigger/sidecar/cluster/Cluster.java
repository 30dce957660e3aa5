package dev.outrigger.sidecar.cluster;

import dev.outrigger.sidecar.balance.Balancer;
import dev.outrigger.sidecar.balance.Endpoint;
import dev.outrigger.sidecar.config.Address;
import dev.outrigger.sidecar.config.CircuitBreakerConfig;
import dev.outrigger.sidecar.config.RetryConfig;
import dev.outrigger.sidecar.config.ServiceConfig;
import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.metrics.ProxyMetrics.ServiceMetrics;
import dev.outrigger.sidecar.policy.Backoff;
import dev.outrigger.sidecar.policy.Breaker;
import dev.outrigger.sidecar.policy.RetryBudget;
import dev.outrigger.sidecar.policy.RetryPolicy;
import dev.outrigger.sidecar.tls.UpstreamSecurity;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service at run time: its endpoints and balancer, and the policies every call to it goes through. */
public final class Cluster {

    /** Direct clusters (passthrough, the local app): one try, no breaker, this deadline for the response to start. */
    private static final Duration DIRECT_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    private final List<Endpoint> endpoints;
    private final Map<Endpoint, InetSocketAddress> addresses = new IdentityHashMap<>();
    private final Balancer balancer;
    private final RetryBudget budget;
    private final RetryPolicy retryPolicy;
    private final Breaker breaker;
    private final long timeoutNanos;
    private final long perTryTimeoutNanos;
    private final ServiceMetrics metrics;
    private final UpstreamSecurity security;

    private Cluster(String name, List<Address> endpoints, ServiceConfig.Balancer balancer, Duration timeout,
                    RetryConfig retry, CircuitBreakerConfig breaker, UpstreamSecurity security, ProxyMetrics metrics) {
        this.name = name;
        this.security = security;
        this.endpoints = endpoints.stream().map(Endpoint::new).toList();
        for (Endpoint endpoint : this.endpoints) {
            Address address = endpoint.address();
            addresses.put(endpoint, InetSocketAddress.createUnresolved(address.host(), address.port()));
        }
        this.balancer = Balancer.of(balancer);
        this.budget = RetryBudget.of(retry, System::nanoTime);
        this.retryPolicy = new RetryPolicy(retry, budget,
                Backoff.of(retry));
        this.breaker = new Breaker(name, breaker, System::nanoTime);
        this.timeoutNanos = timeout.toNanos();
        this.perTryTimeoutNanos = retry.perTryTimeout() == null ? 0 : retry.perTryTimeout().toNanos();
        this.metrics = metrics.forService(name);
    }

    /** @param security how connections to the service's endpoints are secured (see {@code tls:}) */
    public static Cluster of(ServiceConfig service, UpstreamSecurity security, ProxyMetrics metrics) {
        return new Cluster(service.name(), service.endpoints(), service.balancer(), service.timeout(),
                service.retry(), service.circuitBreaker(), security, metrics);
    }

    /**
     * The policies for hosts no service names: one try, no circuit breaker, metrics as service "passthrough".
     *
     * @param security {@link UpstreamSecurity#PLAINTEXT}, or TLS for the calls the app made over https://
     */
    public static Cluster passthrough(UpstreamSecurity security, ProxyMetrics metrics) {
        return direct("passthrough", List.of(), security, metrics);
    }

    /**
     * The local app behind the inbound listener: its one endpoint, one try (the caller's sidecar retries),
     * no circuit breaker, metrics as service "inbound".
     */
    public static Cluster app(Address app, ProxyMetrics metrics) {
        return direct("inbound", List.of(app), UpstreamSecurity.PLAINTEXT, metrics);
    }

    private static Cluster direct(String name, List<Address> endpoints, UpstreamSecurity security,
                                  ProxyMetrics metrics) {
        RetryConfig once = new RetryConfig(1, null, Set.of(), Set.of(), 0, 0, Duration.ZERO, Duration.ZERO, false);
        CircuitBreakerConfig off = new CircuitBreakerConfig(0.5, 1, 1, Duration.ofSeconds(1), 1, false);
        return new Cluster(name, endpoints, ServiceConfig.Balancer.ROUND_ROBIN, DIRECT_TIMEOUT, once, off,
                security, metrics);
    }

    /** The endpoint for the next try, avoiding those already tried where possible; null when there is none. */
    public Endpoint pick(Collection<Endpoint> tried) {
        return endpoints.isEmpty() ? null : balancer.pick(endpoints, tried);
    }

    public InetSocketAddress socketAddress(Endpoint endpoint) {
        return addresses.get(endpoint);
    }

    public String name() {
        return name;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public RetryBudget budget() {
        return budget;
    }

    public Breaker breaker() {
        return breaker;
    }

    public long timeoutNanos() {
        return timeoutNanos;
    }

    /** 0 when tries have no deadline of their own. */
    public long perTryTimeoutNanos() {
        return perTryTimeoutNanos;
    }

    public UpstreamSecurity security() {
        return security;
    }

    public ServiceMetrics metrics() {
        return metrics;
    }
}
