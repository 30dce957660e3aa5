package dev.outrigger.sidecar.policy;

/** Which requests may be sent twice with the same effect as once. */
public final class Idempotency {
    private Idempotency() {
    }

    /**
     * Methods defined as idempotent (RFC 9110, section 9.2.2).
     *
     * @param method the request method; method names are case-sensitive, so {@code "get"} is not GET
     */
    public static boolean isIdempotent(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
            default -> false;
        };
    }

    /**
     * An idempotent method, or any method when the app names the operation with an {@code Idempotency-Key} header
     * (so the upstream can recognise a repeat) and its client could itself have sent the body again.
     */
    public static boolean mayRepeat(String method, boolean hasIdempotencyKey, boolean appCanReplayBody) {
        return isIdempotent(method) || (hasIdempotencyKey && appCanReplayBody);
    }
}
