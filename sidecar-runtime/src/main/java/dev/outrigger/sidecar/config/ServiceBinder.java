package dev.outrigger.sidecar.config;

import dev.outrigger.sidecar.config.ServiceConfig.Balancer;
import dev.outrigger.sidecar.config.ServiceConfig.UpstreamTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Binds one entry of {@code services:}. */
final class ServiceBinder {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private ServiceBinder() {
    }

    /** @param meshCredentials whether the file has a top-level {@code tls:} block, which {@code tls: mesh} needs */
    static ServiceConfig bind(String name, Fields fields, Address outboundListener, Path baseDir,
                              boolean meshCredentials) {
        ValueReader<Address> endpoint = Readers.address().check(address -> !HostPort.reaches(address, outboundListener),
                address -> "is the sidecar's own outbound listener (" + outboundListener + "); that would loop");
        List<Address> endpoints = fields.require("endpoints",
                Readers.listOf(endpoint).check(list -> !list.isEmpty(), list -> "needs at least one endpoint"));
        UpstreamTls tls = fields.get("tls", Readers.oneOf(UpstreamTls.class).check(
                mode -> mode != UpstreamTls.MESH || meshCredentials,
                mode -> "tls: mesh needs this sidecar's certificate: add a top-level tls: {ca: ..., cert: ..., key: ...}"),
                UpstreamTls.NONE);
        Path ca = fields.get("ca", Readers.file(baseDir), null);
        if (ca != null && tls != UpstreamTls.TLS) {
            fields.error("ca", "is only used with tls: tls (mesh peers are checked against the top-level tls.ca)");
        }
        Balancer balancer = fields.get("balancer", Readers.oneOf(Balancer.class), Balancer.ROUND_ROBIN);
        Duration timeout = fields.get("timeout", Readers.duration(), DEFAULT_TIMEOUT);
        Duration checkedTimeout = fields.valid("timeout") ? timeout : null;
        RetryConfig retry = fields.get("retry",
                Readers.section(retryFields -> RetryBinder.bind(retryFields, checkedTimeout)), RetryConfig.DEFAULT);
        CircuitBreakerConfig circuitBreaker = fields.get("circuit-breaker", CircuitBreakerBinder.reader(),
                CircuitBreakerConfig.DEFAULT);
        return new ServiceConfig(name, endpoints, tls, ca, balancer, timeout, retry, circuitBreaker);
    }
}
