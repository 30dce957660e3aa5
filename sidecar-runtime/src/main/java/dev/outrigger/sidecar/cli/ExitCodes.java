package dev.outrigger.sidecar.cli;

/** What the process returns. */
final class ExitCodes {

    static final int OK = 0;
    /** The sidecar could not start or failed while running. */
    static final int FAILED = 1;
    /** Bad command line or bad config: nothing was started. */
    static final int INVALID = 2;

    private ExitCodes() {
    }
}
