package dev.outrigger.it.support;

import java.time.Duration;

/** Retries an assertion about another process's state (e.g. a metric updated just after the response) until it holds. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Eventually() {
    }

    public static void assertThat(Runnable assertion) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            ChildProcess.pause();
        }
    }
}
