package dev.outrigger.sidecar.cli;

import java.util.logging.LogManager;

/**
 * The JDK's {@link LogManager} removes every handler from a shutdown hook of its own, which runs alongside the
 * sidecar's: what the sidecar logs while it drains on SIGTERM would be lost. This one keeps its handlers when the
 * JVM is shutting down; they write to standard error, which needs no closing.
 */
public final class ShutdownLogManager extends LogManager {

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    /** Called only at start and at shutdown, so the cost of asking this way does not matter. */
    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }
}
