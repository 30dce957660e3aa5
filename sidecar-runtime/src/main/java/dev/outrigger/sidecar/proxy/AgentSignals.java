package dev.outrigger.sidecar.proxy;

import io.netty.handler.codec.http.HttpHeaders;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What the agent in the caller's JVM knows about a call and passes in request headers: how long the app will
 * wait ({@value #TIMEOUT}, milliseconds), whether it could send the body again ({@value #REPLAYABLE}: 1) and which
 * class made the call ({@value #CALLER}). A value that does not parse is ignored, as if absent.
 *
 * @param timeoutNanos the caller's own timeout for the call, 0 when it has none
 * @param replayable   the app's client could send the body again
 * @param caller       the calling class, or null
 */
public record AgentSignals(long timeoutNanos, boolean replayable, String caller) {

    public static final String TIMEOUT = "x-outrigger-timeout";
    public static final String REPLAYABLE = "x-outrigger-replayable";
    public static final String CALLER = "x-outrigger-caller";
    public static final AgentSignals NONE = new AgentSignals(0, false, null);
    /** How long past the caller's own timeout the sidecar still waits for the upstream's answer. */
    public static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private static final int MAX_CALLER_LENGTH = 200;
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$.]*");
    /** At most 18 digits, so the value fits a long; in nanoseconds it is clamped. */
    private static final Pattern MILLIS = Pattern.compile("\\d{1,18}");

    /** For the outbound listener: reads the signals, then removes every {@code x-outrigger-*} header. */
    public static AgentSignals takeFrom(HttpHeaders headers) {
        String timeout = headers.get(TIMEOUT);
        String replayable = headers.get(REPLAYABLE);
        String caller = headers.get(CALLER);
        OutriggerHeaders.strip(headers);
        return timeout == null && replayable == null && caller == null ? NONE
                : new AgentSignals(nanos(timeout), "1".equals(replayable), className(caller));
    }

    /** For listeners whose callers have no agent in front of them (inbound): nothing is read or removed here. */
    public static AgentSignals ignore(HttpHeaders headers) {
        return NONE;
    }

    /**
     * How long the sidecar waits for the answer on the caller's behalf, counted from the end of the request: the
     * caller's own timeout and {@link #GRACE_NANOS}, or {@link Long#MAX_VALUE} when it gave none. A client's read
     * timeout starts only once it has written its request, so a slow upload never counts against it; the grace lets
     * the app's own timeout fire first, as it would without the agent.
     */
    public long callerWaitNanos() {
        return timeoutNanos <= 0 ? Long.MAX_VALUE : timeoutNanos + Math.min(GRACE_NANOS, Long.MAX_VALUE - timeoutNanos);
    }

    private static long nanos(String millis) {
        if (millis == null || !MILLIS.matcher(millis.trim()).matches()) {
            return 0;
        }
        long value = Long.parseLong(millis.trim());
        return value >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(value);
    }

    private static String className(String caller) {
        return caller != null && caller.length() <= MAX_CALLER_LENGTH && CLASS_NAME.matcher(caller).matches()
                ? caller : null;
    }
}
