package dev.outrigger.sidecar.policy;

import dev.outrigger.sidecar.config.RetryConfig;
import dev.outrigger.sidecar.config.RetryConfig.RetryOn;

/**
 * Decides, after a try failed, whether to try again and after what delay. Thread-safe; decisions not to retry are
 * shared constants, so the common path allocates nothing.
 */
public final class RetryPolicy {
    private static final int STATUS_LIMIT = 1000;

    private final int attempts;
    private final boolean nonIdempotent;
    private final boolean onConnectFailure;
    private final boolean onReset;
    private final boolean onPerTryTimeout;
    private final boolean[] retriableStatus = new boolean[STATUS_LIMIT];
    private final RetryBudget budget;
    private final Backoff backoff;

    /** The caller records each original request with {@link RetryBudget#onRequest()} on the same budget. */
    public RetryPolicy(RetryConfig config, RetryBudget budget, Backoff backoff) {
        this.attempts = config.attempts();
        this.nonIdempotent = config.nonIdempotent();
        this.onConnectFailure = config.on().contains(RetryOn.CONNECT_FAILURE);
        this.onReset = config.on().contains(RetryOn.RESET);
        this.onPerTryTimeout = config.on().contains(RetryOn.PER_TRY_TIMEOUT);
        if (config.on().contains(RetryOn.GATEWAY_ERROR)) {
            retriableStatus[502] = retriableStatus[503] = retriableStatus[504] = true;
        }
        for (int status : config.statuses()) {
            if (status >= 0 && status < STATUS_LIMIT) {
                retriableStatus[status] = true;
            }
        }
        this.budget = budget;
        this.backoff = backoff;
    }

    /**
     * @param triesSoFar          tries made, including the one that just ended (1 after the first)
     * @param idempotent          whether sending the request twice has the effect of once ({@link Idempotency})
     * @param bodyReplayable      whether the whole request body is still held and can be sent again
     * @param outcome             how the last try ended
     * @param nanosLeftInDeadline time left in the whole call's deadline
     * @return the decision; a retry has been charged to the budget and must then be made after its delay
     */
    public Decision decide(int triesSoFar, boolean idempotent, boolean bodyReplayable, TryOutcome outcome,
                           long nanosLeftInDeadline) {
        if (!isRetriable(outcome)) {
            return Decision.stop(Reason.NOT_RETRIABLE);
        }
        if (triesSoFar >= attempts) {
            return Decision.stop(Reason.ATTEMPTS_EXHAUSTED);
        }
        if (!bodyReplayable) {
            return Decision.stop(Reason.BODY_NOT_REPLAYABLE);
        }
        // Nothing reached the upstream after a connect failure, so any method may go again.
        boolean sentSomething = outcome.kind() != TryOutcome.Kind.CONNECT_FAILURE;
        if (sentSomething && !nonIdempotent && !idempotent) {
            return Decision.stop(Reason.NOT_IDEMPOTENT);
        }
        long delayNanos = backoff.delayNanos(triesSoFar);
        if (delayNanos >= nanosLeftInDeadline) {
            return Decision.stop(Reason.DEADLINE);
        }
        // Last, so that exhaustion is only counted for retries that would otherwise have been made.
        if (!budget.tryAcquireRetry()) {
            return Decision.stop(Reason.BUDGET_EXHAUSTED);
        }
        return new Decision(Reason.RETRY, delayNanos);
    }

    private boolean isRetriable(TryOutcome outcome) {
        return switch (outcome.kind()) {
            case CONNECT_FAILURE -> onConnectFailure;
            case RESET -> onReset;
            case PER_TRY_TIMEOUT -> onPerTryTimeout;
            case RESPONSE -> outcome.status() < STATUS_LIMIT && retriableStatus[outcome.status()];
        };
    }

    /** Why a retry is or is not made. */
    public enum Reason {
        /** Retry after {@link Decision#delayNanos()}. */
        RETRY,
        /** The outcome is a success or a failure the config does not retry. */
        NOT_RETRIABLE,
        /** The configured number of attempts has been made. */
        ATTEMPTS_EXHAUSTED,
        /** The request body was not kept, so it cannot be sent again. */
        BODY_NOT_REPLAYABLE,
        /** The request reached the upstream and is not idempotent. */
        NOT_IDEMPOTENT,
        /** The backoff delay would not leave time in the call's deadline. */
        DEADLINE,
        /** The retry budget has no room. */
        BUDGET_EXHAUSTED
    }

    /**
     * @param reason     {@link Reason#RETRY}, or why not
     * @param delayNanos how long to wait before the retry; 0 when not retrying
     */
    public record Decision(Reason reason, long delayNanos) {
        private static final Decision[] STOPS = new Decision[Reason.values().length];

        static {
            for (Reason reason : Reason.values()) {
                STOPS[reason.ordinal()] = new Decision(reason, 0);
            }
        }

        static Decision stop(Reason reason) {
            return STOPS[reason.ordinal()];
        }

        public boolean retry() {
            return reason == Reason.RETRY;
        }
    }
}
