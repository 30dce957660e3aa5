package dev.outrigger.sidecar.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sidecar's metrics, written in the Prometheus text format 0.0.4. Register once at start-up; updating the
 * returned counters and histograms is thread-safe and lock-free. Families are written in registration order,
 * children in order of their label values.
 */
public final class MetricsRegistry {
    /** The {@code Content-Type} of {@link #writeTo}'s output. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    /** @throws IllegalArgumentException for an invalid or already registered name, or invalid label names */
    public Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, labelNames));
    }

    /**
     * @param bucketsSeconds upper bounds, ascending; {@code +Inf} is added. See {@link Histogram#latencyBucketsSeconds()}
     * @throws IllegalArgumentException for an invalid or already registered name, invalid labels or buckets
     */
    public Histogram histogram(String name, String help, double[] bucketsSeconds, String... labelNames) {
        return register(new Histogram(name, help, bucketsSeconds, labelNames));
    }

    /**
     * A gauge whose values are asked for at each scrape; {@code collector} runs on the scraping thread and reports
     * each current value to the sink it is given.
     *
     * @throws IllegalArgumentException for an invalid or already registered name, or invalid label names
     */
    public void gauge(String name, String help, String[] labelNames, Consumer<GaugeSink> collector) {
        register(new Gauge(name, help, labelNames, collector));
    }

    public void writeTo(StringBuilder out) {
        List<Metric> snapshot;
        synchronized (metrics) {
            snapshot = new ArrayList<>(metrics.values());
        }
        for (Metric metric : snapshot) {
            metric.writeTo(out);
        }
    }

    private <M extends Metric> M register(M metric) {
        synchronized (metrics) {
            if (metrics.putIfAbsent(metric.name, metric) != null) {
                throw new IllegalArgumentException("metric " + metric.name + " is already registered");
            }
        }
        return metric;
    }
}
