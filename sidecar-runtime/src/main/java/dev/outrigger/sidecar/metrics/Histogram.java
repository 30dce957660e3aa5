package dev.outrigger.sidecar.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Observed durations counted into fixed buckets; exposed in seconds, as Prometheus expects. */
public final class Histogram extends LabeledMetric<Histogram.Child> {
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double[] LATENCY_BUCKETS_SECONDS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    /** Upper bounds in nanoseconds, ascending; observations above the last fall in {@code +Inf}. */
    private final long[] boundsNanos;
    /** {@code le="..."} for each bound and for {@code +Inf}. */
    private final String[] leLabels;

    Histogram(String name, String help, double[] bucketsSeconds, String[] labelNames) {
        super(name, help, "histogram", labelNames);
        if (this.labelNames.contains("le")) {
            throw new IllegalArgumentException(name + ": a histogram cannot have a label named le");
        }
        boundsNanos = new long[bucketsSeconds.length];
        leLabels = new String[bucketsSeconds.length + 1];
        for (int i = 0; i < bucketsSeconds.length; i++) {
            double bound = bucketsSeconds[i];
            if (!(bound > 0) || Double.isInfinite(bound) || (i > 0 && bound <= bucketsSeconds[i - 1])) {
                throw new IllegalArgumentException(name + ": buckets must be finite, positive and ascending: "
                        + Arrays.toString(bucketsSeconds));
            }
            boundsNanos[i] = Math.round(bound * NANOS_PER_SECOND);
            leLabels[i] = "le=\"" + TextFormat.number(bound) + "\"";
        }
        leLabels[bucketsSeconds.length] = "le=\"+Inf\"";
    }

    /** 0.5 ms to 10 s, roughly 1-2.5-5 per decade: suited to request latencies. A fresh copy each call. */
    public static double[] latencyBucketsSeconds() {
        return LATENCY_BUCKETS_SECONDS.clone();
    }

    @Override
    Child newChild(String labelText) {
        return new Child(labelText, boundsNanos);
    }

    @Override
    void writeChild(StringBuilder out, Child child) {
        long cumulative = 0;
        for (int i = 0; i < leLabels.length; i++) {
            cumulative += child.buckets[i].sum();
            TextFormat.writeSample(out, name + "_bucket", child.labelText, leLabels[i], Long.toString(cumulative));
        }
        TextFormat.writeSample(out, name + "_sum", child.labelText, null, TextFormat.number(child.sumSeconds.sum()));
        // Derived from the buckets so that _count always equals the +Inf bucket, even mid-update.
        TextFormat.writeSample(out, name + "_count", child.labelText, null, Long.toString(cumulative));
    }

    /** The buckets for one set of label values. Thread-safe, allocation-free to observe. */
    public static final class Child {
        private final String labelText;
        private final long[] boundsNanos;
        private final LongAdder[] buckets;
        /** In seconds as a double: a sum of nanoseconds could overflow a long within weeks under heavy load. */
        private final DoubleAdder sumSeconds = new DoubleAdder();

        private Child(String labelText, long[] boundsNanos) {
            this.labelText = labelText;
            this.boundsNanos = boundsNanos;
            this.buckets = new LongAdder[boundsNanos.length + 1];
            Arrays.setAll(buckets, i -> new LongAdder());
        }

        /** @param nanos a duration; negative ones (a clock that went backwards) count as 0 */
        public void observeNanos(long nanos) {
            long duration = Math.max(0, nanos);
            int index = Arrays.binarySearch(boundsNanos, duration);
            buckets[index >= 0 ? index : -index - 1].increment();
            sumSeconds.add(duration / NANOS_PER_SECOND);
        }
    }
}
