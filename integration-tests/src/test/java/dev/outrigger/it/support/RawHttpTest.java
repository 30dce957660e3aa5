package dev.outrigger.it.support;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawHttpTest {

    @Test
    void readsTheAnswerOfAServerThatHangsUpWithoutReadingTheWholeRequest() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> answerAfterReading(server, 100, true));

            RawHttp.Response response = RawHttp.exchange(server.getLocalPort(),
                    "GET /" + "a".repeat(1 << 20) + " HTTP/1.1\r\n\r\n", Duration.ofSeconds(10));

            answered.get();
            assertEquals("HTTP/1.1 414 URI Too Long", response.statusLine());
            assertEquals(414, response.status());
            assertTrue(response.closed());
        }
    }

    @Test
    void reportsAConnectionTheServerKeepsOpen() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> answerAfterReading(server, 10, false));

            RawHttp.Response response = RawHttp.exchange(server.getLocalPort(),
                    "GET / HTTP/1.1\r\nHost: x\r\n\r\n", Duration.ofMillis(500));

            assertEquals(414, response.status());
            assertFalse(response.closed());
        }
    }

    private static void answerAfterReading(ServerSocket server, int bytes, boolean close) {
        try {
            Socket socket = server.accept();
            socket.getInputStream().readNBytes(bytes);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 414 URI Too Long\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (close) {
                socket.close();
            } else {
                Thread.sleep(1000);
                socket.close();
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
