package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class LeaseHolderTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(LogLevel.DEBUG, new PrintStream(logged, true, StandardCharsets.UTF_8));

    @Test
    void holdsTheLeaseUntilTheSidecarClosesItThenTakesAnother() throws Exception {
        try (ServerSocket admin = loopbackServer()) {
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> answer(admin,
                    "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n7\r\nleased\n\r\n"));

            LeaseHolder holder = new LeaseHolder(address(admin), log);
            BooleanSupplier ready = holder.alsoLeased(() -> true);
            assertFalse(ready.getAsBoolean(), "no lease yet");

            assertTrue(holder.holdOnce());

            assertTrue(ready.getAsBoolean());
            assertFalse(holder.alsoLeased(() -> false).getAsBoolean(), "the sidecar itself must be ready too");

            assertTrue(request.get().startsWith("GET /lease HTTP/1.1\r\nHost: 127.0.0.1:" + admin.getLocalPort()),
                    request.get());
            assertTrue(logged().contains("lease taken"), logged());
            assertTrue(logged().contains("closed the lease"), logged());
        }
    }

    @Test
    void aSidecarWithoutLeasesIsReportedOnceAndLeftAlone() throws Exception {
        try (ServerSocket admin = loopbackServer()) {
            CompletableFuture.supplyAsync(() -> answer(admin, "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"));

            LeaseHolder holder = new LeaseHolder(address(admin), log);

            assertFalse(holder.holdOnce());

            assertTrue(holder.alsoLeased(() -> true).getAsBoolean(), "nothing to wait for");

            assertTrue(logged().contains("WARN no lease: the sidecar's admin listener 127.0.0.1:" + admin.getLocalPort()
                    + " answered 'HTTP/1.1 404 Not Found'"), logged());
        }
    }

    @Test
    void anAbsentSidecarIsTriedAgainAndReportedOnce() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket released = loopbackServer()) {
            closed = address(released);
        }
        LeaseHolder holder = new LeaseHolder(closed, log);

        assertTrue(holder.holdOnce());
        assertTrue(holder.holdOnce());
        assertFalse(holder.alsoLeased(() -> true).getAsBoolean());

        assertEquals(1, logged().lines().filter(line -> line.contains("not reachable")).count(), logged());
    }

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    private static ServerSocket loopbackServer() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static InetSocketAddress address(ServerSocket server) {
        return InetSocketAddress.createUnresolved("127.0.0.1", server.getLocalPort());
    }

    /** Accepts one connection, reads the request head, answers and closes; returns the head. */
    private static String answer(ServerSocket server, String response) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
            return head.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
