package dev.outrigger.sidecar.policy;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A nano-time source that moves only when told to. */
final class FakeTime implements LongSupplier {
    private long nanos;

    FakeTime() {
        this(0);
    }

    FakeTime(long startNanos) {
        this.nanos = startNanos;
    }

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
