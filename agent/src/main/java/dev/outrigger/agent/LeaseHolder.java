package dev.outrigger.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Holds a lease on the sidecar: one connection to its admin {@code /lease}, open for as long as this JVM lives. The
 * operating system closes it when the JVM ends, however it ends ({@code kill -9} included), and so tells the
 * sidecar that the app is gone. It runs on a daemon thread, which never keeps the app alive and goes on through
 * the app's shutdown hooks. While the sidecar is not up yet, or after it closed the lease (a restart), it takes a
 * new one; a sidecar without {@code /lease} is reported once and left alone.
 */
final class LeaseHolder implements Runnable {
    static final long RETRY_MILLIS = 250;
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private final InetSocketAddress admin;
    private final AgentLog log;
    private boolean reportedDown;
    /** A lease was taken, or the sidecar has none to give: nothing more to wait for. */
    private volatile boolean settled;

    LeaseHolder(InetSocketAddress admin, AgentLog log) {
        this.admin = admin;
        this.log = log;
    }

    static LeaseHolder start(InetSocketAddress admin, AgentLog log) {
        LeaseHolder holder = new LeaseHolder(admin, log);
        Thread thread = new Thread(holder, "outrigger-sidecar-lease");
        thread.setDaemon(true);
        thread.start();
        return holder;
    }

    /**
     * {@code sidecarReady} that also waits for the lease, so that a short job cannot end before its sidecar knows
     * of it (and then wait for a lease that never comes).
     */
    BooleanSupplier alsoLeased(BooleanSupplier sidecarReady) {
        return new AlsoLeased(sidecarReady);
    }

    @Override
    public void run() {
        try {
            while (holdOnce()) {
                Thread.sleep(RETRY_MILLIS);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes a lease and holds it until the sidecar closes it.
     *
     * @return whether to take another one
     */
    boolean holdOnce() {
        String name = admin.getHostString() + ":" + admin.getPort();
        // Proxy.NO_PROXY keeps the lease itself away from the default ProxySelector.
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(new InetSocketAddress(admin.getHostString(), admin.getPort()), CONNECT_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /lease HTTP/1.1\r\nHost: " + name + "\r\nUser-Agent: outrigger-agent\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = statusLine(in);
            if (!status.startsWith("HTTP/1.1 200 ")) {
                log.warn("no lease: the sidecar's admin listener " + name + " answered '" + status
                        + "' to /lease, so it will not know when this app exits");
                settled = true;
                return false;
            }
            settled = true;
            reportedDown = false;
            log.debugMessages().accept("lease taken on the sidecar at " + name);
            drain(in);
            log.debugMessages().accept("the sidecar at " + name + " closed the lease");
        } catch (IOException | RuntimeException unreachable) {
            if (!reportedDown) {
                reportedDown = true;
                log.debugMessages().accept("no lease yet, the sidecar's admin listener " + name
                        + " is not reachable: " + unreachable);
            }
        }
        return true;
    }

    /** A named class: it is made in premain, where a first lambda costs milliseconds. */
    private final class AlsoLeased implements BooleanSupplier {
        private final BooleanSupplier sidecarReady;

        AlsoLeased(BooleanSupplier sidecarReady) {
            this.sidecarReady = sidecarReady;
        }

        @Override
        public boolean getAsBoolean() {
            return sidecarReady.getAsBoolean() && settled;
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r' && line.length() < 200) {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** Reads whatever the sidecar sends until it closes the connection. */
    private static void drain(InputStream in) throws IOException {
        byte[] ignored = new byte[256];
        while (in.read(ignored) >= 0) {
            // the lease's body only says that it is held
        }
    }
}
