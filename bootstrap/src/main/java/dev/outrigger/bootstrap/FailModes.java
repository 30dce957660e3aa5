package dev.outrigger.bootstrap;

import java.util.List;

/**
 * Which {@link FailMode} applies to a redirected call: {@link FailMode#CLOSED} for the hosts that must never go
 * direct, the general mode for every other host.
 */
public final class FailModes {
    private final FailMode general;
    private final List<HostGlob> closedHosts;

    /** @param closedHosts hosts that fail closed even when {@code general} is {@link FailMode#OPEN} */
    public FailModes(FailMode general, List<HostGlob> closedHosts) {
        this.general = general;
        this.closedHosts = List.copyOf(closedHosts);
    }

    /** Whether some call may go direct, i.e. whether anybody needs to know if the sidecar is up. */
    public boolean anyOpen() {
        return general == FailMode.OPEN;
    }

    /** @param host normalized as {@link RedirectPolicy} does */
    FailMode of(String host) {
        return general == FailMode.OPEN && !RedirectPolicy.anyMatches(closedHosts, host) ? FailMode.OPEN
                : FailMode.CLOSED;
    }

    @Override
    public String toString() {
        return general + (closedHosts.isEmpty() ? "" : ", closed for " + closedHosts);
    }
}
