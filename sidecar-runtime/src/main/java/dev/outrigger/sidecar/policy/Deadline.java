package dev.outrigger.sidecar.policy;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A point in time on a {@link System#nanoTime()}-like clock, e.g. the end of a call's whole timeout. */
public final class Deadline {
    private final long atNanos;
    private final LongSupplier nanoTime;

    private Deadline(long atNanos, LongSupplier nanoTime) {
        this.atNanos = atNanos;
        this.nanoTime = nanoTime;
    }

    /** Durations too long to count in nanoseconds (about 292 years) are treated as that long. */
    public static Deadline after(Duration timeout, LongSupplier nanoTime) {
        long nanos;
        try {
            nanos = Math.max(0, timeout.toNanos());
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE;
        }
        // Wraps around for huge timeouts; differences stay right, as with System.nanoTime itself.
        return new Deadline(nanoTime.getAsLong() + nanos, nanoTime);
    }

    /** Time left, or 0 once expired. */
    public long nanosLeft() {
        return Math.max(0, atNanos - nanoTime.getAsLong());
    }

    public boolean expired() {
        return nanosLeft() == 0;
    }

    /** The earlier of the two; both must use the same clock. */
    public Deadline min(Deadline other) {
        return other.atNanos - atNanos < 0 ? other : this;
    }

    @Override
    public String toString() {
        return "Deadline(" + Duration.ofNanos(nanosLeft()) + " left)";
    }
}
