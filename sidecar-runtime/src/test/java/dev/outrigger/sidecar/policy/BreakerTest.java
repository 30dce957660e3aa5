package dev.outrigger.sidecar.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.config.CircuitBreakerConfig;
import dev.outrigger.sidecar.policy.Breaker.State;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreakerTest {
    private static final long CALL_NANOS = 1_000_000;
    private static final Duration OPEN_FOR = Duration.ofSeconds(10);

    /** Negative, as System.nanoTime may be; opening and waiting cross zero. */
    private final FakeTime time = new FakeTime(-Duration.ofSeconds(3).toNanos());
    /** Opens at 50 % failures once 4 of the last 10 calls are known; 2 probes when half-open. */
    private final Breaker breaker = new Breaker("payments",
            new CircuitBreakerConfig(0.5, 10, 4, OPEN_FOR, 2, true), time);

    private void succeed(int calls) {
        for (int i = 0; i < calls; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onSuccess(CALL_NANOS);
        }
    }

    private void fail(int calls) {
        for (int i = 0; i < calls; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure(CALL_NANOS);
        }
    }

    private void open() {
        fail(4);
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void waitsForTheMinimumNumberOfCalls() {
        fail(3);

        assertEquals(State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void opensWhenTheFailureRateReachesTheThreshold() {
        succeed(3);
        fail(2);
        assertEquals(State.CLOSED, breaker.state(), "2 of 5 failed");

        fail(1);
        assertEquals(State.OPEN, breaker.state(), "3 of 6 failed");
    }

    @Test
    void rejectsWhileOpen() {
        open();

        time.advance(OPEN_FOR);
        assertFalse(breaker.tryAcquire());
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void turnsHalfOpenOnTheFirstCallAfterOpenForAndLimitsProbes() {
        open();
        time.advance(OPEN_FOR.plusMillis(1));
        assertEquals(State.OPEN, breaker.state(), "no thread moves it");

        assertTrue(breaker.tryAcquire());
        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire(), "only 2 probes");
    }

    @Test
    void successfulProbesCloseIt() {
        open();
        time.advance(OPEN_FOR.plusMillis(1));

        succeed(2);

        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void failingProbesReopenIt() {
        open();
        time.advance(OPEN_FOR.plusMillis(1));

        succeed(1);
        fail(1);

        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        time.advance(OPEN_FOR.plusMillis(1));
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aReleasedProbeCanBeTakenAgain() {
        open();
        time.advance(OPEN_FOR.plusMillis(1));
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());

        breaker.release();

        assertTrue(breaker.tryAcquire());
        assertEquals(State.HALF_OPEN, breaker.state());
    }

    @Test
    void aDisabledBreakerAlwaysPermits() {
        Breaker disabled = new Breaker("payments", new CircuitBreakerConfig(0.5, 10, 4, OPEN_FOR, 2, false), time);

        for (int i = 0; i < 50; i++) {
            assertTrue(disabled.tryAcquire());
            disabled.onFailure(CALL_NANOS);
        }
        assertEquals(State.DISABLED, disabled.state());
    }

    @Test
    void slowCallsAreNotFailures() {
        for (int i = 0; i < 10; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onSuccess(Duration.ofMinutes(5).toNanos());
        }
        assertEquals(State.CLOSED, breaker.state());
    }
}
