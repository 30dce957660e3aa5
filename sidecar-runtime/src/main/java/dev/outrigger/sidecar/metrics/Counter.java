package dev.outrigger.sidecar.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A monotonic count; by convention its name ends in {@code _total}. */
public final class Counter extends LabeledMetric<Counter.Child> {

    Counter(String name, String help, String[] labelNames) {
        super(name, help, "counter", labelNames);
        if (labelNames.length == 0) {
            labels(); // an unlabelled counter is shown from the start, at 0
        }
    }

    @Override
    Child newChild(String labelText) {
        return new Child(labelText);
    }

    @Override
    void writeChild(StringBuilder out, Child child) {
        TextFormat.writeSample(out, name, child.labelText, null, Long.toString(child.value()));
    }

    /** The count for one set of label values. Thread-safe, contention-friendly ({@link LongAdder}). */
    public static final class Child {
        private final String labelText;
        private final LongAdder count = new LongAdder();

        private Child(String labelText) {
            this.labelText = labelText;
        }

        public void inc() {
            count.increment();
        }

        /** @throws IllegalArgumentException if {@code amount} is negative: counters only go up */
        public void add(long amount) {
            if (amount < 0) {
                throw new IllegalArgumentException("counters only go up, got " + amount);
            }
            count.add(amount);
        }

        public long value() {
            return count.sum();
        }
    }
}
