package dev.outrigger.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Tells whether the sidecar accepts TCP connections, refreshed by a daemon thread so that a call only reads a
 * volatile field. It probes every second while the sidecar is up and every 250 ms while it is down, so a sidecar
 * that comes back is used again quickly.
 */
final class SidecarProbe implements BooleanSupplier, Runnable {
    static final long UP_INTERVAL_MILLIS = 1000;
    static final long DOWN_INTERVAL_MILLIS = 250;
    private static final int CONNECT_TIMEOUT_MILLIS = 200;

    private final InetSocketAddress sidecar;
    private final Predicate<InetSocketAddress> connects;
    private final Consumer<String> onChange;
    private volatile boolean reachable;

    SidecarProbe(InetSocketAddress sidecar, Predicate<InetSocketAddress> connects, Consumer<String> onChange) {
        this.sidecar = sidecar;
        this.connects = connects;
        this.onChange = onChange;
    }

    /** A probe that opens TCP connections to {@code sidecar}; it does nothing until asked. */
    static SidecarProbe tcp(InetSocketAddress sidecar, Consumer<String> onChange) {
        return new SidecarProbe(sidecar, new TcpConnect(), onChange);
    }

    /**
     * Probes once now, so the first call already has an answer, then keeps probing on a daemon thread, which runs
     * on while the app's shutdown hooks make their last calls.
     */
    SidecarProbe start() {
        probeOnce();
        Thread thread = new Thread(this, "outrigger-sidecar-probe");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /**
     * {@link #start}s on the first question, the first redirected call, so that an app's start-up does not wait for a
     * connect, nor load the socket classes before the app needs them.
     */
    BooleanSupplier startedOnFirstUse() {
        return new StartedOnFirstUse();
    }

    /** The last probe's answer: a volatile read. */
    @Override
    public boolean getAsBoolean() {
        return reachable;
    }

    /** Probes now, so that a sidecar that has just come up is used by the call that asked. */
    BooleanSupplier probingNow() {
        return new ProbeNow();
    }

    /** @return how long to wait before the next probe */
    long probeOnce() {
        boolean now = connects.test(sidecar);
        if (now != reachable) {
            reachable = now;
            onChange.accept("sidecar " + sidecar.getHostString() + ":" + sidecar.getPort() + (now ? " is reachable" : " is not reachable"));
        }
        return now ? UP_INTERVAL_MILLIS : DOWN_INTERVAL_MILLIS;
    }

    /** Probes forever; {@link #start} runs this on a daemon thread. */
    @Override
    public void run() {
        try {
            while (true) {
                Thread.sleep(probeOnce());
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private final class StartedOnFirstUse implements BooleanSupplier {
        private volatile boolean started;

        @Override
        public boolean getAsBoolean() {
            if (!started) {
                startOnce();
            }
            return reachable;
        }

        private synchronized void startOnce() {
            if (!started) {
                start();
                started = true;
            }
        }
    }

    private final class ProbeNow implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            probeOnce();
            return reachable;
        }
    }

    /** Whether a TCP connection opens; a named class because a first lambda costs premain milliseconds. */
    private static final class TcpConnect implements Predicate<InetSocketAddress> {
        @Override
        public boolean test(InetSocketAddress address) {
            // Proxy.NO_PROXY keeps the probe itself away from the default ProxySelector.
            try (Socket socket = new Socket(Proxy.NO_PROXY)) {
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                return true;
            } catch (IOException | RuntimeException unreachable) {
                return false;
            }
        }
    }
}
