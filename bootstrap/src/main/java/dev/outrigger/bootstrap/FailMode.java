package dev.outrigger.bootstrap;

/** What a redirected call does when the sidecar is not reachable. */
public enum FailMode {
    /** Go the way the call would go without the agent. */
    OPEN,
    /** Always send to the sidecar, so the call fails fast while it is down. */
    CLOSED
}
