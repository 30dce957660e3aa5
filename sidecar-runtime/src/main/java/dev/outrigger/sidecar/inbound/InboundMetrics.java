package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.metrics.Counter;
import dev.outrigger.sidecar.metrics.MetricsRegistry;

/** What the inbound listener counts besides the proxy's own metrics. */
public final class InboundMetrics {

    /** The caller label of a plaintext (permissive mode) caller, which has no identity. */
    static final String UNAUTHENTICATED = "unauthenticated";

    private final Counter.Child mtlsRequests;
    private final Counter.Child plaintextRequests;
    private final Counter denied;
    private final Counter refusedConnections;

    public InboundMetrics(MetricsRegistry registry) {
        Counter requests = registry.counter("outrigger_inbound_requests_total",
                "Requests received on the inbound listener, by transport: mtls, or plaintext (permissive mode).",
                "tls");
        mtlsRequests = requests.labels("mtls");
        plaintextRequests = requests.labels("plaintext");
        denied = registry.counter("outrigger_authz_denied_total",
                "Inbound requests refused by authorization (403), by caller identity.", "caller");
        refusedConnections = registry.counter("outrigger_inbound_connections_refused_total",
                "Inbound connections closed before any request: failed TLS handshake or unacceptable identity.",
                "reason");
    }

    void request(boolean mtls) {
        (mtls ? mtlsRequests : plaintextRequests).inc();
    }

    void denied(String caller) {
        denied.labels(caller).inc();
    }

    void connectionRefused(String reason) {
        refusedConnections.labels(reason).inc();
    }
}
