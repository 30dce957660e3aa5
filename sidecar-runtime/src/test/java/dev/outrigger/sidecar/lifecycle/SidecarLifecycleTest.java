package dev.outrigger.sidecar.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.TestPorts;
import dev.outrigger.sidecar.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A real sidecar in this JVM: leases taken on its admin listener, and how they shape its stop. */
class SidecarLifecycleTest {
    private final int outbound = TestPorts.free();
    private final int admin = TestPorts.free();

    private Sidecar start(String lifecycle) throws Exception {
        return start(lifecycle, "{}");
    }

    private Sidecar start(String lifecycle, String services) throws Exception {
        return Sidecar.start(ConfigLoader.parse("""
                service: caller
                listeners: {outbound: 127.0.0.1:%d, admin: 127.0.0.1:%d}
                lifecycle: %s
                services: %s
                """.formatted(outbound, admin, lifecycle, services), "test.yaml"));
    }

    @Test
    void exitsOnceTheLastLeaseEnds() throws Exception {
        Sidecar sidecar = start("{exit-with-lease: true}");
        CompletableFuture<Void> terminated = CompletableFuture.runAsync(() -> awaitTermination(sidecar));
        try (Socket first = lease(); Socket second = lease()) {
            assertTrue(metrics().contains("outrigger_leases 2"), metrics());
            first.close();
            assertEquals("HTTP/1.1 200 OK", statusOf(admin, "GET /ready"));
            assertFalse(terminated.isDone());
        }
        terminated.get(10, TimeUnit.SECONDS);
    }

    @Test
    void exitsWhenNoAppTookALeaseWithinTheFirstLeaseWindow() throws Exception {
        Sidecar sidecar = start("{exit-with-lease: true, first-lease-within: 200ms}");

        CompletableFuture.runAsync(() -> awaitTermination(sidecar)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStopKeepsServingWhileAnAppHoldsALease() throws Exception {
        Sidecar sidecar = start("{drain: 30s}");
        CompletableFuture<Void> closed;
        try (Socket held = lease()) {
            closed = CompletableFuture.runAsync(sidecar::close);
            awaitStatus(admin, "GET /ready", "HTTP/1.1 503 Service Unavailable");

            assertEquals("HTTP/1.1 404 Not Found", statusOf(outbound, "GET /nope/x"), "still serving");
            assertFalse(closed.isDone());
        }
        closed.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStopStopsAcceptingAndWaitsForTheRequestsInFlight() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Sidecar sidecar = start("{drain: 30s}", "{slow: {endpoints: [127.0.0.1:" + upstream.getLocalPort() + "]}}");
            try (Socket caller = send(outbound, "GET http://slow/x", "slow"); Socket upstreamSide = upstream.accept()) {
                statusLine(upstreamSide.getInputStream());
                CompletableFuture<Void> closed = CompletableFuture.runAsync(sidecar::close);
                awaitRefused(outbound);
                assertFalse(closed.isDone());

                upstreamSide.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));

                assertEquals("HTTP/1.1 200 OK", statusLine(caller.getInputStream()));
                closed.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void withoutExitWithLeaseTheSidecarOutlivesItsApps() throws Exception {
        Sidecar sidecar = start("{}");
        try {
            lease().close();
            awaitStatus(outbound, "GET /nope/x", "HTTP/1.1 404 Not Found");
            assertTrue(metrics().contains("outrigger_leases 0"), metrics());
        } finally {
            sidecar.close();
        }
    }

    private Socket lease() throws IOException {
        Socket socket = send(admin, "GET /lease");
        assertEquals("HTTP/1.1 200 OK", statusLine(socket.getInputStream()));
        return socket;
    }

    private String metrics() throws IOException {
        try (Socket socket = send(admin, "GET /metrics")) {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void awaitStatus(int port, String request, String expected) throws Exception {
        for (int i = 0; i < 500 && !expected.equals(statusOf(port, request)); i++) {
            Thread.sleep(10);
        }
        assertEquals(expected, statusOf(port, request));
    }

    private static String statusOf(int port, String request) throws IOException {
        try (Socket socket = send(port, request)) {
            return statusLine(socket.getInputStream());
        }
    }

    private static Socket send(int port, String requestLine) throws IOException {
        return send(port, requestLine, "127.0.0.1:" + port);
    }

    private static Socket send(int port, String requestLine, String host) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: " + host
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static void awaitRefused(int port) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(10);
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("port " + port + " still accepts");
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static void awaitTermination(Sidecar sidecar) {
        try {
            sidecar.awaitTermination();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
