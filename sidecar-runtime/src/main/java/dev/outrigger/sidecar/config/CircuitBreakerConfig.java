package dev.outrigger.sidecar.config;

import java.time.Duration;

/**
 * A service's {@code circuit-breaker:} block (count-based sliding window).
 *
 * @param failureRate  open when at least this share of the calls in the window failed (default 0.5)
 * @param window       number of most recent calls considered (default 20)
 * @param minimumCalls calls needed before the rate is judged (default 10)
 * @param openFor      how long the breaker stays open before letting probes through (default 10s)
 * @param halfOpenCalls probe calls allowed while half-open (default 3)
 * @param enabled      {@code circuit-breaker: off} disables it (default on)
 */
public record CircuitBreakerConfig(
        double failureRate,
        int window,
        int minimumCalls,
        Duration openFor,
        int halfOpenCalls,
        boolean enabled) {

    public static final CircuitBreakerConfig DEFAULT =
            new CircuitBreakerConfig(0.5, 20, 10, Duration.ofSeconds(10), 3, true);
}
