package dev.outrigger.sidecar.policy;

/**
 * How one try of a request ended. Instances are shared constants, so reporting an outcome allocates nothing.
 *
 * @param kind   what happened
 * @param status the response status when {@code kind} is {@link Kind#RESPONSE}, otherwise 0
 */
public record TryOutcome(Kind kind, int status) {

    public enum Kind {
        /** The connection to the endpoint could not be made; nothing of the request was sent. */
        CONNECT_FAILURE,
        /** The connection failed after (part of) the request was sent but before any byte of a response. */
        RESET,
        /** The try ran past its per-try timeout before the response began. */
        PER_TRY_TIMEOUT,
        /** The upstream answered with a status. */
        RESPONSE
    }

    private static final TryOutcome CONNECT_FAILURE = new TryOutcome(Kind.CONNECT_FAILURE, 0);
    private static final TryOutcome RESET = new TryOutcome(Kind.RESET, 0);
    private static final TryOutcome PER_TRY_TIMEOUT = new TryOutcome(Kind.PER_TRY_TIMEOUT, 0);
    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 999;
    private static final TryOutcome[] RESPONSES = new TryOutcome[MAX_STATUS - MIN_STATUS + 1];

    static {
        for (int status = MIN_STATUS; status <= MAX_STATUS; status++) {
            RESPONSES[status - MIN_STATUS] = new TryOutcome(Kind.RESPONSE, status);
        }
    }

    public TryOutcome {
        if ((kind == Kind.RESPONSE) != (status >= MIN_STATUS && status <= MAX_STATUS)) {
            throw new IllegalArgumentException(kind + " with status " + status);
        }
    }

    public static TryOutcome connectFailure() {
        return CONNECT_FAILURE;
    }

    public static TryOutcome reset() {
        return RESET;
    }

    public static TryOutcome perTryTimeout() {
        return PER_TRY_TIMEOUT;
    }

    /** @param status a three-digit status */
    public static TryOutcome response(int status) {
        if (status < MIN_STATUS || status > MAX_STATUS) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return RESPONSES[status - MIN_STATUS];
    }
}
