package dev.outrigger.sidecar.lifecycle;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * How the sidecar stops, within one time bound: while apps still hold leases (their shutdown hooks may still call
 * out) it keeps serving and accepting; then it stops accepting; then it waits for the requests in flight. Whatever
 * is left when the time is up is cut off.
 */
public final class Drain {
    static final long POLL_NANOS = 20_000_000L;

    /** Waits; a stand-in in tests moves a fake clock instead. */
    @FunctionalInterface
    public interface Pause {
        void pause(long nanos) throws InterruptedException;
    }

    /** What was still going on when the drain ended. */
    public record Outcome(int leasesHeld, int requestsInFlight, long tookNanos) {
        public boolean complete() {
            return leasesHeld == 0 && requestsInFlight == 0;
        }
    }

    private final long boundNanos;
    private final LongSupplier nanoTime;
    private final Pause pause;

    public Drain(Duration bound, LongSupplier nanoTime, Pause pause) {
        this.boundNanos = bound.toNanos();
        this.nanoTime = nanoTime;
        this.pause = pause;
    }

    /** A drain on the real clock. */
    public static Drain of(Duration bound) {
        return new Drain(bound, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L)));
    }

    /**
     * @param stopAccepting closes the listening sockets; runs exactly once
     */
    public Outcome run(IntSupplier leasesHeld, Runnable stopAccepting, IntSupplier requestsInFlight)
            throws InterruptedException {
        long start = nanoTime.getAsLong();
        long deadline = start + boundNanos;
        waitWhile(leasesHeld, deadline);
        int leasesLeft = leasesHeld.getAsInt();
        stopAccepting.run();
        waitWhile(requestsInFlight, deadline);
        return new Outcome(leasesLeft, requestsInFlight.getAsInt(), nanoTime.getAsLong() - start);
    }

    private void waitWhile(IntSupplier pending, long deadline) throws InterruptedException {
        while (pending.getAsInt() > 0) {
            long left = deadline - nanoTime.getAsLong();
            if (left <= 0) {
                return;
            }
            pause.pause(Math.min(POLL_NANOS, left));
        }
    }
}
