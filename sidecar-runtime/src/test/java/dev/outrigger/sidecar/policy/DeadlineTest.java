package dev.outrigger.sidecar.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void countsDownAndExpires() {
        FakeTime time = new FakeTime();
        Deadline deadline = Deadline.after(Duration.ofMillis(100), time);

        assertEquals(Duration.ofMillis(100).toNanos(), deadline.nanosLeft());
        time.advance(Duration.ofMillis(60));
        assertEquals(Duration.ofMillis(40).toNanos(), deadline.nanosLeft());
        assertFalse(deadline.expired());
        time.advance(Duration.ofMillis(40));
        assertTrue(deadline.expired());
        time.advance(Duration.ofMillis(40));
        assertEquals(0, deadline.nanosLeft());
    }

    @Test
    void survivesNanoTimeWrappingAround() {
        FakeTime time = new FakeTime(Long.MAX_VALUE - 10);
        Deadline deadline = Deadline.after(Duration.ofNanos(100), time);

        time.advance(Duration.ofNanos(50));
        assertEquals(50, deadline.nanosLeft());
        time.advance(Duration.ofNanos(50));
        assertTrue(deadline.expired());
    }

    @Test
    void aHugeTimeoutNeverExpiresInPractice() {
        FakeTime time = new FakeTime(-5);
        Deadline deadline = Deadline.after(Duration.ofDays(365L * 1000), time);

        time.advance(Duration.ofDays(365));
        assertTrue(deadline.nanosLeft() > Duration.ofDays(365 * 200).toNanos());
    }

    @Test
    void minIsTheEarlierEvenAcrossNanoTimeWrapping() {
        // The short deadline lies before the wrap-around point, the others after it.
        FakeTime time = new FakeTime(Long.MAX_VALUE - Duration.ofSeconds(1).toNanos());
        Deadline call = Deadline.after(Duration.ofSeconds(2), time);
        Deadline shortTry = Deadline.after(Duration.ofMillis(500), time);
        Deadline longTry = Deadline.after(Duration.ofSeconds(5), time);

        assertSame(shortTry, call.min(shortTry));
        assertSame(shortTry, shortTry.min(call));
        assertSame(call, call.min(longTry));
        assertSame(call, longTry.min(call));
    }
}
