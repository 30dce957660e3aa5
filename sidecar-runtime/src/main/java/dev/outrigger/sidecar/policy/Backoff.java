package dev.outrigger.sidecar.policy;

import dev.outrigger.sidecar.config.RetryConfig;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: retry n waits a uniform random time in [0, min(max, base × 2^(n-1))]. */
public final class Backoff {
    private final long baseNanos;
    private final long maxNanos;
    private final Supplier<RandomGenerator> random;

    /** Uses the calling thread's {@link ThreadLocalRandom}. */
    public Backoff(Duration base, Duration max) {
        this(base, max, ThreadLocalRandom::current);
    }

    /** @param random used by every calling thread, so it must tolerate concurrent use (tests pass a seeded one) */
    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this(base, max, () -> random);
    }

    private Backoff(Duration base, Duration max, Supplier<RandomGenerator> random) {
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= max, got " + base + " and " + max);
        }
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    public static Backoff of(RetryConfig config) {
        return new Backoff(config.backoffBase(), config.backoffMax());
    }

    /** @param retry 1 for the first retry (the second try), 2 for the next, ... */
    public long delayNanos(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        return random.get().nextLong(ceilingNanos(retry) + 1);
    }

    /** The longest delay of the given retry: base doubled per earlier retry, capped at max without overflowing. */
    long ceilingNanos(int retry) {
        int doublings = retry - 1;
        boolean fits = doublings < Long.numberOfLeadingZeros(baseNanos) - 1;
        return fits ? Math.min(maxNanos, baseNanos << doublings) : maxNanos;
    }
}
