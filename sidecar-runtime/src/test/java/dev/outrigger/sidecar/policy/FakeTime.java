package dev.outrigger.sidecar.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/** A clock that moves only when told to, usable as a nano-time source and as a {@link Clock}. */
final class FakeTime extends Clock implements LongSupplier {
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

    @Override
    public Instant instant() {
        return Instant.EPOCH.plusNanos(nanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
