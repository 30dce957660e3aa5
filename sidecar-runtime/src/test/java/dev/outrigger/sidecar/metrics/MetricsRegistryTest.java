package dev.outrigger.sidecar.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
    private static final long MS = 1_000_000L;

    private final MetricsRegistry registry = new MetricsRegistry();

    private String scrape() {
        StringBuilder out = new StringBuilder();
        registry.writeTo(out);
        return out.toString();
    }

    @Test
    void writesCountersWithLabelsInStableOrder() {
        Counter requests = registry.counter("outrigger_requests_total", "Requests by service and status.",
                "service", "code");
        requests.labels("payments", "503").inc();
        requests.labels("orders", "200").add(41);
        requests.labels("orders", "200").inc();
        requests.labels("payments", "200").inc();

        assertEquals("""
                # HELP outrigger_requests_total Requests by service and status.
                # TYPE outrigger_requests_total counter
                outrigger_requests_total{service="orders",code="200"} 42
                outrigger_requests_total{service="payments",code="200"} 1
                outrigger_requests_total{service="payments",code="503"} 1
                """, scrape());
    }

    @Test
    void anUnlabelledCounterShowsZeroFromTheStart() {
        registry.counter("outrigger_config_reloads_total", "Reloads.");

        assertEquals("""
                # HELP outrigger_config_reloads_total Reloads.
                # TYPE outrigger_config_reloads_total counter
                outrigger_config_reloads_total 0
                """, scrape());
    }

    @Test
    void escapesLabelValuesAndHelp() {
        registry.counter("odd_total", "Back\\slash and\nnewline, \"quotes\" kept.", "path")
                .labels("a\\b\"c\nd").inc();

        assertEquals("""
                # HELP odd_total Back\\\\slash and\\nnewline, "quotes" kept.
                # TYPE odd_total counter
                odd_total{path="a\\\\b\\"c\\nd"} 1
                """, scrape());
    }

    @Test
    void writesCumulativeHistogramBuckets() {
        Histogram latency = registry.histogram("outrigger_request_duration_seconds", "Latency.",
                new double[] {0.0005, 0.01, 2.5}, "service");
        Histogram.Child payments = latency.labels("payments");
        payments.observeNanos(MS / 2); // on a bound: counted in it
        payments.observeNanos(3 * MS);
        payments.observeNanos(7 * MS);
        payments.observeNanos(3_000 * MS);

        assertEquals("""
                # HELP outrigger_request_duration_seconds Latency.
                # TYPE outrigger_request_duration_seconds histogram
                outrigger_request_duration_seconds_bucket{service="payments",le="0.0005"} 1
                outrigger_request_duration_seconds_bucket{service="payments",le="0.01"} 3
                outrigger_request_duration_seconds_bucket{service="payments",le="2.5"} 3
                outrigger_request_duration_seconds_bucket{service="payments",le="+Inf"} 4
                outrigger_request_duration_seconds_sum{service="payments"} 3.0105
                outrigger_request_duration_seconds_count{service="payments"} 4
                """, scrape());
    }

    @Test
    void anUnlabelledHistogramHasOnlyTheLeLabel() {
        registry.histogram("pause_seconds", "Pauses.", new double[] {1}).labels().observeNanos(-5);

        assertEquals("""
                # HELP pause_seconds Pauses.
                # TYPE pause_seconds histogram
                pause_seconds_bucket{le="1"} 1
                pause_seconds_bucket{le="+Inf"} 1
                pause_seconds_sum 0
                pause_seconds_count 1
                """, scrape());
    }

    @Test
    void gaugesAreCollectedAtScrapeTime() {
        String[] state = {"closed"};
        registry.gauge("outrigger_circuit_breaker_state", "1 for the current state.",
                new String[] {"service", "state"}, sink -> {
                    for (String s : List.of("closed", "open")) {
                        sink.set(s.equals(state[0]) ? 1 : 0, "payments", s);
                    }
                });
        scrape();
        state[0] = "open";

        assertEquals("""
                # HELP outrigger_circuit_breaker_state 1 for the current state.
                # TYPE outrigger_circuit_breaker_state gauge
                outrigger_circuit_breaker_state{service="payments",state="closed"} 0
                outrigger_circuit_breaker_state{service="payments",state="open"} 1
                """, scrape());
    }

    @Test
    void familiesAppearInRegistrationOrder() {
        registry.gauge("b_ratio", "B.", new String[0], sink -> sink.set(0.25));
        registry.counter("a_total", "A.");

        assertEquals("""
                # HELP b_ratio B.
                # TYPE b_ratio gauge
                b_ratio 0.25
                # HELP a_total A.
                # TYPE a_total counter
                a_total 0
                """, scrape());
    }

    @Test
    void childrenAreCached() {
        Counter counter = registry.counter("c_total", "C.", "service");

        assertSame(counter.labels("x"), counter.labels("x"));
    }

    @Test
    void rejectsMistakes() {
        Counter counter = registry.counter("c_total", "C.", "service");
        assertThrows(IllegalArgumentException.class, () -> counter.labels());
        assertThrows(IllegalArgumentException.class, () -> counter.labels("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> counter.labels("a").add(-1));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("c_total", "again"));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("bad-name", "C."));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("d_total", "C.", "x", "x"));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("e_total", "C.", "__reserved"));
        assertThrows(IllegalArgumentException.class,
                () -> registry.histogram("h_seconds", "H.", new double[] {1}, "le"));
        assertThrows(IllegalArgumentException.class,
                () -> registry.histogram("i_seconds", "H.", new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> registry.histogram("j_seconds", "H.", new double[] {0.1, Double.POSITIVE_INFINITY}));

        registry.gauge("g", "G.", new String[] {"service"}, sink -> sink.set(1));
        assertThrows(IllegalArgumentException.class, this::scrape);
    }

    @Test
    void defaultLatencyBucketsSpanHalfAMillisecondToTenSeconds() {
        double[] buckets = Histogram.latencyBucketsSeconds();
        assertEquals(0.0005, buckets[0]);
        assertEquals(10, buckets[buckets.length - 1]);
        buckets[0] = 99;
        assertEquals(0.0005, Histogram.latencyBucketsSeconds()[0]);
    }

    @Test
    void concurrentUpdatesAreAllCounted() throws Exception {
        Counter counter = registry.counter("hits_total", "Hits.", "service");
        Histogram histogram = registry.histogram("hit_seconds", "Hit time.", new double[] {0.75});
        int threads = 4;
        int perThread = 100_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        counter.labels(i % 2 == 0 ? "even" : "odd").inc();
                        // Half-seconds add up exactly in floating point, whatever the order.
                        histogram.labels().observeNanos(i % 2 == 0 ? 500 * MS : 1_000 * MS);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(threads * perThread / 2, counter.labels("even").value());
        assertEquals(threads * perThread / 2, counter.labels("odd").value());
        String text = scrape();
        assertContains(text, "hit_seconds_bucket{le=\"0.75\"} " + threads * perThread / 2 + "\n");
        assertContains(text, "hit_seconds_count " + threads * perThread + "\n");
        assertContains(text, "hit_seconds_sum 300000\n");
    }

    private static void assertContains(String text, String line) {
        if (!text.contains(line)) {
            throw new AssertionError("missing <" + line.strip() + "> in:\n" + text);
        }
    }
}
