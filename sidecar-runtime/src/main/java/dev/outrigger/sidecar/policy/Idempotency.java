package dev.outrigger.sidecar.policy;

/** Which request methods may be sent twice with the same effect as once (RFC 9110, section 9.2.2). */
public final class Idempotency {
    private Idempotency() {
    }

    /** @param method the request method; method names are case-sensitive, so {@code "get"} is not GET */
    public static boolean isIdempotent(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
            default -> false;
        };
    }
}
