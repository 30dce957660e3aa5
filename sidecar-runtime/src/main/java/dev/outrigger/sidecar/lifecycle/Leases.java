package dev.outrigger.sidecar.lifecycle;

/**
 * The apps' leases on this sidecar: each is one open admin connection ({@code GET /lease}) that ends when the
 * connection closes. When the last lease ends, provided one was ever taken, {@code onLastEnded} runs, once.
 */
public final class Leases {
    private final Runnable onLastEnded;
    private int held;
    private boolean everTaken;
    private boolean lastEndedReported;

    /** @param onLastEnded runs on the thread that ended the last lease; it must not block (an event loop) */
    public Leases(Runnable onLastEnded) {
        this.onLastEnded = onLastEnded;
    }

    public synchronized void take() {
        held++;
        everTaken = true;
    }

    public void end() {
        synchronized (this) {
            held--;
            if (held > 0 || !everTaken || lastEndedReported) {
                return;
            }
            lastEndedReported = true;
        }
        onLastEnded.run();
    }

    /**
     * The time allowed for the first lease is up: when no lease was ever taken, the app is taken to be gone (a short
     * job that ended before its sidecar was up). Then {@code onLastEnded} will never run, and the caller stops.
     *
     * @return whether no lease was ever taken
     */
    public synchronized boolean firstLeaseDue() {
        if (everTaken) {
            return false;
        }
        lastEndedReported = true;
        return true;
    }

    public synchronized int held() {
        return held;
    }
}
