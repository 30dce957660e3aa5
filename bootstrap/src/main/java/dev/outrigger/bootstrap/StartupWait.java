package dev.outrigger.bootstrap;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Holds the first redirected calls until the sidecar is ready, for at most a bound counted from the first such call,
 * once per JVM: calls that arrive while the first one waits wait with it, to the same deadline; once the wait has
 * ended, however it ended, no call ever waits again.
 */
public final class StartupWait {
    static final long POLL_NANOS = 50_000_000L;

    /** Waits without using a lambda: this class loads in premain, where a first lambda costs milliseconds. */
    public interface Pause {
        void pause(long nanos) throws InterruptedException;
    }

    private final long boundNanos;
    private final BooleanSupplier sidecarReadyNow;
    private final LongSupplier nanoTime;
    private final Pause pause;
    private volatile boolean over;
    private long deadline;
    private boolean started;

    /**
     * @param sidecarReadyNow checks now (it may take a connect timeout) rather than reading a cached state
     * @param nanoTime {@link System#nanoTime()} or a stand-in
     */
    public StartupWait(Duration bound, BooleanSupplier sidecarReadyNow, LongSupplier nanoTime, Pause pause) {
        this.boundNanos = bound.toNanos();
        this.sidecarReadyNow = sidecarReadyNow;
        this.nanoTime = nanoTime;
        this.pause = pause;
        this.over = boundNanos <= 0;
    }

    /** A wait on the real clock, with {@link Thread#sleep}. */
    public static StartupWait of(Duration bound, BooleanSupplier sidecarReadyNow) {
        return new StartupWait(bound, sidecarReadyNow, new SystemNanoTime(), new Sleep());
    }

    /** Returns at once after the wait has ended; otherwise waits until the sidecar is ready or the deadline passes. */
    public void awaitOnce() {
        if (over) {
            return;
        }
        long until = deadline();
        try {
            while (!sidecarReadyNow.getAsBoolean()) {
                long left = until - nanoTime.getAsLong();
                if (left <= 0) {
                    return;
                }
                pause.pause(Math.min(POLL_NANOS, left));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            over = true;
        }
    }

    private synchronized long deadline() {
        if (!started) {
            started = true;
            deadline = nanoTime.getAsLong() + boundNanos;
        }
        return deadline;
    }

    private static final class SystemNanoTime implements LongSupplier {
        @Override
        public long getAsLong() {
            return System.nanoTime();
        }
    }

    private static final class Sleep implements Pause {
        @Override
        public void pause(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    }
}
