package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.TestPorts;
import dev.outrigger.sidecar.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact bytes an upstream receives: origin-form target, the caller's header names and order, no hop-by-hop. */
class WireFormatTest {

    @Test
    void headersArriveWithTheirCaseAndOrderAndWithoutHopByHopOnes() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int outbound = TestPorts.free();
            Sidecar sidecar = Sidecar.start(ConfigLoader.parse("""
                    service: caller
                    listeners: {outbound: 127.0.0.1:%d, admin: 127.0.0.1:%d}
                    services:
                      wire: {endpoints: [127.0.0.1:%d]}
                    """.formatted(outbound, TestPorts.free(), upstream.getLocalPort()), "test.yaml"));
            try {
                CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> answerOnce(upstream));
                String response = exchange(outbound, "PATCH http://wire/a/b%20c?q=%C3%A9&r HTTP/1.1\r\n"
                        + "Host: wire\r\n"
                        + "X-lower-UPPER: 1\r\n"
                        + "x-repeated: a\r\n"
                        + "X-Repeated: b\r\n"
                        + "Connection: keep-alive, X-Hop\r\n"
                        + "X-Hop: dropped\r\n"
                        + "Proxy-Connection: keep-alive\r\n"
                        + "Content-Length: 5\r\n"
                        + "\r\nhello");
                String request = received.get(10, TimeUnit.SECONDS);
                assertEquals("PATCH /a/b%20c?q=%C3%A9&r HTTP/1.1\r\n"
                        + "Host: wire\r\n"
                        + "X-lower-UPPER: 1\r\n"
                        + "x-repeated: a\r\n"
                        + "X-Repeated: b\r\n"
                        + "Content-Length: 5\r\n"
                        + "\r\nhello", request);
                assertTrue(response.startsWith("HTTP/1.1 201 Created\r\n"), response);
                assertTrue(response.contains("\r\nX-Upstream-Case: Kept\r\n"), response);
            } finally {
                sidecar.close();
            }
        }
    }

    /** Reads one request with a 5-byte body, answers 201, and returns the request's bytes. */
    private static String answerOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\nhello")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                seen.write(b);
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 201 Created\r\nX-Upstream-Case: Kept\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return seen.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                seen.write(b);
            }
            return seen.toString(StandardCharsets.ISO_8859_1);
        }
    }

}
