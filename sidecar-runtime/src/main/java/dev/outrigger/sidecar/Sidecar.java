package dev.outrigger.sidecar;

import dev.outrigger.sidecar.config.SidecarConfig;

/** A running sidecar: its listeners, services and admin. (Placeholder until the proxy core lands.) */
public final class Sidecar implements AutoCloseable {

    private Sidecar() {
    }

    /** Binds every listener of {@code config} and returns once they accept connections. */
    public static Sidecar start(SidecarConfig config) throws Exception {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitTermination() throws InterruptedException {
    }

    /** Stops accepting, lets in-flight requests finish for a short grace period, then closes everything. */
    @Override
    public void close() {
    }
}
