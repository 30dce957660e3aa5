package dev.outrigger.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What only the app's JVM knows about a call, as request headers for the sidecar, which reads and removes them: the
 * client's own timeout ({@value #TIMEOUT}, milliseconds), that the client could send the body again
 * ({@value #REPLAYABLE}: 1), and the calling class ({@value #CALLER}, only when {@code findCaller} is on). Apart from
 * these signals, a call the app made over https:// and handed to the sidecar in plaintext says so ({@value #TLS}).
 */
public final class CallSignals {
    public static final String TIMEOUT = "x-outrigger-timeout";
    public static final String REPLAYABLE = "x-outrigger-replayable";
    public static final String CALLER = "x-outrigger-caller";
    /** The app called over https://: the sidecar originates the TLS (its {@code Router.TLS_MARKER}). */
    public static final String TLS = "x-outrigger-tls";

    /** For an agent without {@code signals=on}: calls say nothing. */
    public static final CallSignals OFF = new CallSignals(false, false);

    private final boolean on;
    private final boolean findCaller;

    /** @param findCaller walk the stack of each redirected call for its calling class (a few microseconds) */
    public CallSignals(boolean findCaller) {
        this(true, findCaller);
    }

    private CallSignals(boolean on, boolean findCaller) {
        this.on = on;
        this.findCaller = findCaller;
    }

    /** Whether calls carry signals at all ({@code signals=on}). */
    boolean on() {
        return on;
    }

    /**
     * @param timeoutMillis the client's timeout for the call; 0 or less when it has none
     * @param replayable    the client holds the body so it could send it again (true for a call without a body)
     */
    public Map<String, String> headers(long timeoutMillis, boolean replayable) {
        if (!on) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>(4);
        if (timeoutMillis > 0) {
            headers.put(TIMEOUT, Long.toString(timeoutMillis));
        }
        if (replayable) {
            headers.put(REPLAYABLE, "1");
        }
        String caller = findCaller ? CallingClass.find() : null;
        if (caller != null) {
            headers.put(CALLER, caller);
        }
        return headers;
    }
}
