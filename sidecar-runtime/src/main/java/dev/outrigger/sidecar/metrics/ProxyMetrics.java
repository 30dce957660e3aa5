package dev.outrigger.sidecar.metrics;

import dev.outrigger.sidecar.proxy.LocalReply.Reason;

/** The proxy's own metrics, registered once; {@link #forService} hands out per-service handles. */
public final class ProxyMetrics {

    /** Service label of requests that matched no service (refused before routing). */
    private static final String NO_SERVICE = "";
    /** Distinct calling classes shown; calls from any further class count as caller "other". */
    static final int MAX_CALLERS = 64;

    private final Counter requests;
    private final Histogram duration;
    private final Counter retries;
    private final Counter budgetExhausted;
    private final Counter localReplies;
    private final Counter byCaller;
    private final Counter connections;
    private final Counter tunnels;
    private final BoundedLabels callers = new BoundedLabels(MAX_CALLERS, "other");

    public ProxyMetrics(MetricsRegistry registry) {
        requests = registry.counter("outrigger_requests_total",
                "Requests answered on the outbound listener, by service and status code.", "service", "code");
        duration = registry.histogram("outrigger_request_duration_seconds",
                "Time from a request's arrival to its response head, retries included.",
                Histogram.latencyBucketsSeconds(), "service");
        retries = registry.counter("outrigger_retries_total", "Retries made.", "service");
        budgetExhausted = registry.counter("outrigger_retry_budget_exhausted_total",
                "Retries the retry budget refused.", "service");
        localReplies = registry.counter("outrigger_local_replies_total",
                "Responses the sidecar made itself, by reason (the x-outrigger-error value).", "service", "reason");
        byCaller = registry.counter("outrigger_requests_by_caller_total",
                "Requests on the outbound listener by calling class, as the app's agent reported it ("
                        + MAX_CALLERS + " classes at most, then \"other\").", "service", "caller");
        connections = registry.counter("outrigger_connections_with_requests_total",
                "Connections a proxy listener accepted that carried at least one request, by listener. With "
                        + "outrigger_requests_total it shows how well callers reuse their connections; connections "
                        + "that carried none (the agent's reachability probes) are not counted.", "listener");
        tunnels = registry.counter("outrigger_tunnels_total",
                "CONNECT tunnels asked of the outbound listener, by result: opened, or unreachable.", "result");
    }

    /** Counts a CONNECT tunnel: {@code opened}, or {@code unreachable} when its host could not be reached. */
    public void tunnel(String result) {
        tunnels.labels(result).inc();
    }

    /** The count of connections with requests on one listener ({@code outbound} or {@code inbound}). */
    public Counter.Child connectionsWithRequests(String listener) {
        return connections.labels(listener);
    }

    public ServiceMetrics forService(String service) {
        return new ServiceMetrics(service);
    }

    /** Counts a request refused before it could be routed (malformed, unknown host or service). */
    public void refused(Reason reason) {
        localReplies.labels(NO_SERVICE, reason.label()).inc();
        requests.labels(NO_SERVICE, Integer.toString(reason.status().code())).inc();
    }

    /** One service's metric handles, resolved once so the request path does no label lookups. */
    public final class ServiceMetrics {
        private final String service;
        private final Counter.Child[] byStatus = new Counter.Child[600];
        private final Histogram.Child latency;
        private final Counter.Child retry;
        private final Counter.Child exhausted;

        private ServiceMetrics(String service) {
            this.service = service;
            this.latency = duration.labels(service);
            this.retry = retries.labels(service);
            this.exhausted = budgetExhausted.labels(service);
        }

        public void response(int status, long nanos) {
            latency.observeNanos(nanos);
            Counter.Child counter = status >= 100 && status < 600 ? byStatus[status] : null;
            if (counter == null) {
                counter = requests.labels(service, Integer.toString(status));
                if (status >= 100 && status < 600) {
                    byStatus[status] = counter;
                }
            }
            counter.inc();
        }

        public void retry() {
            retry.inc();
        }

        public void budgetExhausted() {
            exhausted.inc();
        }

        /** @param caller the class that made the call, as the agent reported it */
        public void fromCaller(String caller) {
            byCaller.labels(service, callers.of(caller)).inc();
        }

        public void localReply(Reason reason) {
            localReplies.labels(service, reason.label()).inc();
        }
    }
}
