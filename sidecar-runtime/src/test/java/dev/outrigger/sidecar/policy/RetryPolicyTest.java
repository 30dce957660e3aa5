package dev.outrigger.sidecar.policy;

import static dev.outrigger.sidecar.config.RetryConfig.RetryOn.CONNECT_FAILURE;
import static dev.outrigger.sidecar.config.RetryConfig.RetryOn.GATEWAY_ERROR;
import static dev.outrigger.sidecar.config.RetryConfig.RetryOn.PER_TRY_TIMEOUT;
import static dev.outrigger.sidecar.config.RetryConfig.RetryOn.RESET;
import static dev.outrigger.sidecar.policy.RetryPolicy.Reason.ATTEMPTS_EXHAUSTED;
import static dev.outrigger.sidecar.policy.RetryPolicy.Reason.BODY_NOT_REPLAYABLE;
import static dev.outrigger.sidecar.policy.RetryPolicy.Reason.BUDGET_EXHAUSTED;
import static dev.outrigger.sidecar.policy.RetryPolicy.Reason.DEADLINE;
import static dev.outrigger.sidecar.policy.RetryPolicy.Reason.NOT_IDEMPOTENT;
import static dev.outrigger.sidecar.policy.RetryPolicy.Reason.NOT_RETRIABLE;
import static dev.outrigger.sidecar.policy.RetryPolicy.Reason.RETRY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.config.RetryConfig;
import dev.outrigger.sidecar.config.RetryConfig.RetryOn;
import dev.outrigger.sidecar.policy.RetryPolicy.Decision;
import dev.outrigger.sidecar.policy.RetryPolicy.Reason;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    /** Always the longest delay, so the backoff of retry n is exactly min(40ms, 10ms × 2^(n-1)). */
    private static final RandomGenerator LONGEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private static RetryConfig config(Set<RetryOn> on, boolean nonIdempotent) {
        return new RetryConfig(3, null, on, Set.of(429), 0.2, 10,
                Duration.ofMillis(10), Duration.ofMillis(40), nonIdempotent);
    }

    private static final RetryConfig GATEWAY = config(Set.of(CONNECT_FAILURE, RESET, GATEWAY_ERROR), false);
    private static final RetryConfig ANY_METHOD = config(Set.of(CONNECT_FAILURE, RESET, GATEWAY_ERROR), true);
    private static final RetryConfig TIMEOUTS = config(Set.of(PER_TRY_TIMEOUT), false);

    private static RetryPolicy policy(RetryConfig config, RetryBudget budget) {
        return new RetryPolicy(config, budget, new Backoff(config.backoffBase(), config.backoffMax(), LONGEST));
    }

    private static RetryBudget roomyBudget() {
        return new RetryBudget(0, 100, new FakeTime());
    }

    record Case(String name, RetryConfig config, boolean budgetLeft, int tries, String method, boolean replayable,
                TryOutcome outcome, long nanosLeft, Reason reason, long delayNanos) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case retry(String name, RetryConfig config, int tries, String method, TryOutcome outcome,
                              long delayNanos) {
        return new Case(name, config, true, tries, method, true, outcome, SECOND, RETRY, delayNanos);
    }

    private static Case stop(String name, RetryConfig config, int tries, String method, TryOutcome outcome,
                             Reason reason) {
        return new Case(name, config, true, tries, method, true, outcome, SECOND, reason, 0);
    }

    static Stream<Case> cases() {
        TryOutcome connect = TryOutcome.connectFailure();
        TryOutcome reset = TryOutcome.reset();
        TryOutcome timeout = TryOutcome.perTryTimeout();
        return Stream.of(
                stop("a success is final", GATEWAY, 1, "GET", TryOutcome.response(200), NOT_RETRIABLE),
                stop("500 is not a gateway error", GATEWAY, 1, "GET", TryOutcome.response(500), NOT_RETRIABLE),
                retry("503 is a gateway error", GATEWAY, 1, "GET", TryOutcome.response(503), 10 * MS),
                retry("502 is a gateway error", GATEWAY, 1, "PUT", TryOutcome.response(502), 10 * MS),
                retry("listed statuses retry", TIMEOUTS, 1, "GET", TryOutcome.response(429), 10 * MS),
                stop("gateway errors only when configured", TIMEOUTS, 1, "GET", TryOutcome.response(503),
                        NOT_RETRIABLE),
                stop("per-try timeouts only when configured", GATEWAY, 1, "GET", timeout, NOT_RETRIABLE),
                retry("per-try timeout when configured", TIMEOUTS, 1, "GET", timeout, 10 * MS),
                stop("resets only when configured", TIMEOUTS, 1, "GET", reset, NOT_RETRIABLE),
                retry("second retry backs off longer", GATEWAY, 2, "GET", reset, 20 * MS),
                stop("attempts include the first try", GATEWAY, 3, "GET", reset, ATTEMPTS_EXHAUSTED),
                retry("connect failures retry any method", GATEWAY, 1, "POST", connect, 10 * MS),
                stop("a reset POST may have been processed", GATEWAY, 1, "POST", reset, NOT_IDEMPOTENT),
                stop("a 503 POST may have been processed", GATEWAY, 1, "PATCH", TryOutcome.response(503),
                        NOT_IDEMPOTENT),
                retry("non-idempotent retries when allowed", ANY_METHOD, 1, "POST", reset, 10 * MS),
                new Case("a body not kept cannot be resent", GATEWAY, true, 1, "GET", false, connect, SECOND,
                        BODY_NOT_REPLAYABLE, 0),
                new Case("backoff must end before the deadline", GATEWAY, true, 1, "GET", true, reset, 10 * MS,
                        DEADLINE, 0),
                new Case("backoff ending just before the deadline", GATEWAY, true, 1, "GET", true, reset,
                        10 * MS + 1, RETRY, 10 * MS),
                new Case("budget exhausted", GATEWAY, false, 1, "GET", true, reset, SECOND, BUDGET_EXHAUSTED, 0),
                new Case("the budget is consulted last", GATEWAY, false, 1, "POST", true, reset, SECOND,
                        NOT_IDEMPOTENT, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case c) {
        RetryBudget budget = c.budgetLeft() ? roomyBudget() : new RetryBudget(0, 0, new FakeTime());

        Decision decision = policy(c.config(), budget)
                .decide(c.tries(), Idempotency.isIdempotent(c.method()), c.replayable(), c.outcome(), c.nanosLeft());

        assertEquals(c.reason(), decision.reason());
        assertEquals(c.delayNanos(), decision.delayNanos());
        assertEquals(c.reason() == RETRY, decision.retry());
    }

    @Test
    void onlyRetriesActuallyAllowedAreChargedToTheBudget() {
        RetryBudget budget = new RetryBudget(0, 1, new FakeTime());
        RetryPolicy policy = policy(GATEWAY, budget);

        for (int i = 0; i < 50; i++) {
            assertEquals(NOT_IDEMPOTENT, policy.decide(1, false, true, TryOutcome.reset(), SECOND).reason());
            assertEquals(NOT_RETRIABLE, policy.decide(1, true, true, TryOutcome.response(200), SECOND).reason());
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(policy.decide(1, true, true, TryOutcome.reset(), SECOND).retry());
        }
        assertEquals(BUDGET_EXHAUSTED, policy.decide(1, true, true, TryOutcome.reset(), SECOND).reason());
        assertFalse(budget.tryAcquireRetry());
    }

    @Test
    void decisionsNotToRetryAreShared() {
        RetryPolicy policy = policy(GATEWAY, roomyBudget());

        assertSame(policy.decide(1, true, true, TryOutcome.response(200), SECOND),
                policy.decide(2, true, true, TryOutcome.response(404), SECOND));
    }

    @Test
    void outcomesAreShared() {
        assertSame(TryOutcome.response(503), TryOutcome.response(503));
        assertEquals(new TryOutcome(TryOutcome.Kind.RESPONSE, 503), TryOutcome.response(503));
        assertSame(TryOutcome.reset(), TryOutcome.reset());
    }
}
