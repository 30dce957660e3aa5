package dev.outrigger.sidecar.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final long MS = 1_000_000L;

    private final Backoff backoff = new Backoff(Duration.ofMillis(25), Duration.ofMillis(250), new SplittableRandom(3));

    @Test
    void ceilingDoublesPerRetryUpToTheCap() {
        assertEquals(25 * MS, backoff.ceilingNanos(1));
        assertEquals(50 * MS, backoff.ceilingNanos(2));
        assertEquals(100 * MS, backoff.ceilingNanos(3));
        assertEquals(200 * MS, backoff.ceilingNanos(4));
        assertEquals(250 * MS, backoff.ceilingNanos(5));
        assertEquals(250 * MS, backoff.ceilingNanos(64));
        assertEquals(250 * MS, backoff.ceilingNanos(Integer.MAX_VALUE));
    }

    @Test
    void delaysAreFullyJitteredBelowTheCeiling() {
        IntFunction<long[]> minAndMax = retry -> {
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 10_000; i++) {
                long delay = backoff.delayNanos(retry);
                min = Math.min(min, delay);
                max = Math.max(max, delay);
            }
            return new long[] {min, max};
        };

        for (int retry = 1; retry <= 6; retry++) {
            long ceiling = backoff.ceilingNanos(retry);
            long[] range = minAndMax.apply(retry);
            assertTrue(range[0] >= 0 && range[0] < ceiling / 20, "retry " + retry + " min " + range[0]);
            assertTrue(range[1] <= ceiling && range[1] > ceiling * 19 / 20, "retry " + retry + " max " + range[1]);
        }
    }

    @Test
    void zeroBaseMeansNoDelay() {
        Backoff none = new Backoff(Duration.ZERO, Duration.ZERO, new SplittableRandom(1));
        assertEquals(0, none.delayNanos(1));
        assertEquals(0, none.delayNanos(30));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> backoff.delayNanos(0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMillis(2), Duration.ofMillis(1)));
    }
}
