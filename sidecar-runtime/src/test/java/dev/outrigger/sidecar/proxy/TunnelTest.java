package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.TestPorts;
import dev.outrigger.sidecar.config.ConfigLoader;
import dev.outrigger.sidecar.inbound.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code CONNECT host:port} on the outbound listener, as the JDK HttpClient sends it when it follows a redirect to
 * an https location through the proxy it was given: bytes go both ways unchanged until either side closes.
 */
class TunnelTest {

    private static final String ESTABLISHED = "HTTP/1.1 200 Connection established\r\n\r\n";

    private int outbound;
    private Sidecar sidecar;

    @BeforeEach
    void start() throws Exception {
        outbound = TestPorts.free();
        sidecar = Sidecar.start(ConfigLoader.parse("""
                service: caller
                listeners: {outbound: 127.0.0.1:%d, admin: 127.0.0.1:%d}
                services:
                  orders: {endpoints: [127.0.0.1:%d]}
                """.formatted(outbound, TestPorts.free(), TestPorts.free()), "test.yaml"));
    }

    @AfterEach
    void stop() {
        sidecar.close();
    }

    @Test
    void relaysBytesBothWaysUntilEitherSideCloses() throws Exception {
        byte[] sent = new byte[4 * 1024 * 1024]; // more than socket buffers hold: reading must pause and resume
        new Random(7).nextBytes(sent);
        // Its own threads: both tasks block, and CompletableFuture's default pool may run one at a time on a small
        // machine (Temurin 25 on two cores did, and the test hung).
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket caller = new Socket("127.0.0.1", outbound)) {
            CompletableFuture<Void> echoed = CompletableFuture.runAsync(() -> echoOnce(echo), threads);
            caller.setSoTimeout(10_000);
            OutputStream out = caller.getOutputStream();
            out.write(("CONNECT 127.0.0.1:" + echo.getLocalPort() + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + echo.getLocalPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = caller.getInputStream();
            assertEquals(ESTABLISHED, new String(in.readNBytes(ESTABLISHED.length()), StandardCharsets.US_ASCII));

            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(sent);
                    caller.shutdownOutput();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            byte[] received = in.readAllBytes(); // ends when the echo server, having seen the end, closes
            writing.get(10, TimeUnit.SECONDS);
            echoed.get(10, TimeUnit.SECONDS);
            assertEquals(sent.length, received.length);
            assertArrayEquals(sent, received);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anUnreachableHostIsA502() throws Exception {
        RawHttp.Response response = RawHttp.send(null, outbound,
                "CONNECT 127.0.0.1:" + TestPorts.free() + " HTTP/1.1\r\nHost: x\r\n");
        assertEquals(502, response.status(), response.body());
        assertEquals("upstream-unreachable", response.header(LocalReply.ERROR_HEADER));
    }

    @Test
    void aServiceIsNeverTunnelled() throws Exception {
        RawHttp.Response response = RawHttp.send(null, outbound, "CONNECT orders:443 HTTP/1.1\r\nHost: orders:443\r\n");
        assertEquals(405, response.status(), response.body());
    }

    private static void echoOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.getInputStream().transferTo(socket.getOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
