package dev.outrigger.bench;

import org.HdrHistogram.Histogram;

import java.util.function.DoubleBinaryOperator;

/** Latency percentiles in microseconds. */
record Percentiles(double p50, double p90, double p99, double p999, double max) {

    static final String[] LABELS = {"p50", "p90", "p99", "p99.9", "max"};

    static Percentiles of(Histogram nanos) {
        return new Percentiles(micros(nanos, 50), micros(nanos, 90), micros(nanos, 99), micros(nanos, 99.9),
                nanos.getMaxValue() / 1000.0);
    }

    private static double micros(Histogram nanos, double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1000.0;
    }

    double[] values() {
        return new double[]{p50, p90, p99, p999, max};
    }

    static Percentiles of(double[] v) {
        return new Percentiles(v[0], v[1], v[2], v[3], v[4]);
    }

    Percentiles combine(Percentiles other, DoubleBinaryOperator op) {
        double[] a = values();
        double[] b = other.values();
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = op.applyAsDouble(a[i], b[i]);
        }
        return of(r);
    }
}
