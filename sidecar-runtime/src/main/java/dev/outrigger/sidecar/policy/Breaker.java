package dev.outrigger.sidecar.policy;

import dev.outrigger.sidecar.config.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A service's circuit breaker: a Resilience4j {@link CircuitBreaker} used only through its non-blocking calls.
 * Every {@link #tryAcquire()} that returns true must be followed by exactly one of {@link #onSuccess},
 * {@link #onFailure} or {@link #release()}; a half-open breaker whose probes are never reported stays half-open.
 *
 * <p>No thread is involved: an open breaker turns half-open on the first {@code tryAcquire} after
 * {@code openFor} has passed on the clock (Resilience4j's automatic transition, which needs a scheduler thread, is
 * left off).
 */
public final class Breaker {
    /** Passed to Resilience4j, which wants a Throwable for each failure; shared, so without a stack trace. */
    private static final Throwable FAILURE = new UpstreamFailure();
    /** The breaker judges failures only; slow calls are for timeouts to handle. */
    private static final Duration NEVER_SLOW = Duration.ofDays(365);

    private final CircuitBreaker breaker;

    /** @param nanoTime a {@link System#nanoTime()}-like clock: decides when {@code openFor} has passed */
    public Breaker(String name, CircuitBreakerConfig config, LongSupplier nanoTime) {
        this.breaker = CircuitBreaker.of(name, io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                .slidingWindow(config.window(), config.minimumCalls(), SlidingWindowType.COUNT_BASED,
                        SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .failureRateThreshold((float) (config.failureRate() * 100))
                .slowCallDurationThreshold(NEVER_SLOW)
                .waitDurationInOpenState(config.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .permittedNumberOfCallsInHalfOpenState(config.halfOpenCalls())
                .writableStackTraceEnabled(false)
                .clock(new MonotonicClock(nanoTime))
                .build());
        if (!config.enabled()) {
            breaker.transitionToDisabledState();
        }
    }

    /** Whether a call may go ahead now; false while open, or half-open with every probe taken. */
    public boolean tryAcquire() {
        return breaker.tryAcquirePermission();
    }

    /** The permitted call succeeded after {@code nanos}. */
    public void onSuccess(long nanos) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    /** The permitted call failed after {@code nanos}. */
    public void onFailure(long nanos) {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, FAILURE);
    }

    /** The permitted call never ran (e.g. cancelled before it was sent): give the permission back, count nothing. */
    public void release() {
        breaker.releasePermission();
    }

    public State state() {
        return switch (breaker.getState()) {
            case CLOSED, METRICS_ONLY -> State.CLOSED;
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            case DISABLED -> State.DISABLED;
        };
    }

    public enum State {
        CLOSED("closed"),
        OPEN("open"),
        HALF_OPEN("half_open"),
        DISABLED("disabled");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** The value of the {@code state} label in metrics. */
        public String label() {
            return label;
        }
    }

    private static final class UpstreamFailure extends RuntimeException {
        UpstreamFailure() {
            super("upstream call failed", null, false, false);
        }
    }

    /**
     * Resilience4j reads time from a {@link Clock}; this one counts nanoseconds from an arbitrary origin, so a wall
     * clock set back cannot keep the breaker open.
     */
    private static final class MonotonicClock extends Clock {
        private final LongSupplier nanoTime;

        MonotonicClock(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(0, nanoTime.getAsLong());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a monotonic clock has no zone");
        }
    }
}
