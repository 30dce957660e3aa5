package dev.outrigger.sidecar.config;

import java.time.Duration;
import java.util.Set;

/**
 * A service's {@code retry:} block.
 *
 * @param attempts            total tries including the first (1 = no retries); default 2
 * @param perTryTimeout       deadline of one try; null = only the service timeout applies (default)
 * @param on                  conditions that allow a retry; default connect-failure and reset
 * @param statuses            further response statuses that allow a retry (with {@code on: [retriable-status]}
 *                            implied when non-empty); default none
 * @param budget              retries may add at most this share of the requests in the last 10 s (default 0.2)
 * @param minRetriesPerSecond retries always allowed per second regardless of the budget (default 10)
 * @param backoffBase         first backoff before jitter (default 25ms)
 * @param backoffMax          backoff cap (default 250ms)
 * @param nonIdempotent       also retry methods that are not idempotent (POST, PATCH); default false
 */
public record RetryConfig(
        int attempts,
        Duration perTryTimeout,
        Set<RetryOn> on,
        Set<Integer> statuses,
        double budget,
        int minRetriesPerSecond,
        Duration backoffBase,
        Duration backoffMax,
        boolean nonIdempotent) {

    public static final RetryConfig DEFAULT = new RetryConfig(2, null,
            Set.of(RetryOn.CONNECT_FAILURE, RetryOn.RESET), Set.of(), 0.2, 10,
            Duration.ofMillis(25), Duration.ofMillis(250), false);

    /** Conditions under which a failed try may be retried; YAML names are the lower-case, dashed forms. */
    public enum RetryOn {
        /** {@code connect-failure}: the connection to the endpoint could not be made. */
        CONNECT_FAILURE,
        /** {@code reset}: the connection failed before any byte of a response arrived. */
        RESET,
        /** {@code gateway-error}: the upstream answered 502, 503 or 504. */
        GATEWAY_ERROR,
        /** {@code per-try-timeout}: a try ran past its per-try timeout. */
        PER_TRY_TIMEOUT
    }
}
