package dev.outrigger.sidecar.metrics;

import java.util.List;
import java.util.function.Consumer;

/** A value read at scrape time from whoever owns it, e.g. a circuit breaker's state. */
final class Gauge extends Metric {
    private final Consumer<GaugeSink> collector;

    Gauge(String name, String help, String[] labelNames, Consumer<GaugeSink> collector) {
        super(name, help, "gauge", labelNames);
        this.collector = collector;
    }

    /** Samples in the order the collector reports them. */
    @Override
    void writeSamples(StringBuilder out) {
        collector.accept((value, labelValues) -> {
            checkLabelCount(labelValues);
            String labelText = TextFormat.labelText(labelNames, List.of(labelValues));
            TextFormat.writeSample(out, name, labelText, null, TextFormat.number(value));
        });
    }
}
