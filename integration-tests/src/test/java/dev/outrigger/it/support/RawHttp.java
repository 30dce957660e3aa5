package dev.outrigger.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends bytes no well-behaved client would send, and reports what came back and whether the server hung up. */
public final class RawHttp {

    /**
     * @param statusLine first line received, empty if none
     * @param status     its status code, -1 if none
     * @param received   everything received, decoded as ISO-8859-1
     * @param closed     the server closed (or reset) the connection before the timeout
     */
    public record Response(String statusLine, int status, String received, boolean closed) {
    }

    private RawHttp() {
    }

    public static Response exchange(int port, String request, Duration timeout) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), timeout);
    }

    /**
     * Writes {@code request} from a second thread (a server may stop reading half-way) while reading
     * the answer until the server closes the connection or {@code timeout} passes.
     */
    public static Response exchange(int port, byte[] request, Duration timeout) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            Thread writer = new Thread(() -> writeQuietly(socket, request), "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = readUntilClosed(socket.getInputStream(), received);
            String text = received.toString(StandardCharsets.ISO_8859_1);
            String statusLine = text.lines().findFirst().orElse("");
            return new Response(statusLine, statusOf(statusLine), text, closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean readUntilClosed(InputStream in, ByteArrayOutputStream received) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static void writeQuietly(Socket socket, byte[] request) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
        } catch (IOException expectedWhenTheServerHangsUpFirst) {
            // the answer, if any, is what the test looks at
        }
    }

    private static int statusOf(String statusLine) {
        String[] parts = statusLine.split(" ");
        if (parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].matches("\\d{3}")) {
            return Integer.parseInt(parts[1]);
        }
        return -1;
    }
}
