package dev.outrigger.sidecar.metrics;

/** Receives a gauge's current values while a scrape is being written. */
@FunctionalInterface
public interface GaugeSink {

    /**
     * @param labelValues in the order of the gauge's label names
     * @throws IllegalArgumentException if the number of values differs from the number of label names
     */
    void set(double value, String... labelValues);
}
