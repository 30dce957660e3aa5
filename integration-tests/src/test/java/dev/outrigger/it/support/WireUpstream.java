package dev.outrigger.it.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 upstream in the test's JVM that records what the wire carried, which {@code UpstreamApp} (the JDK's
 * HTTP server, which normalizes header names) cannot: each request's header names as the bytes arrived, and which
 * connection carried it. It keeps every connection alive until the caller closes it. Requests may have a
 * {@code Content-Length} body, which is skipped; each is answered 200 with the number of its connection
 * ({@code connection=N}) and its header names, one a line.
 */
public final class WireUpstream implements AutoCloseable {

    /**
     * One request as it arrived.
     *
     * @param connection  the number of the connection that carried it, counted from 1 in the order accepted
     * @param target      its request target, e.g. {@code /a?b}
     * @param headerNames every header name in arrival order, spelled as received
     */
    public record Arrival(int connection, String target, List<String> headerNames) {
    }

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    public WireUpstream() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("wire-upstream-accept", this::acceptAll);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:PORT}, as a sidecar config lists it. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** The requests received so far for {@code target}, in arrival order. */
    public List<Arrival> arrivals(String target) {
        return arrivals.stream().filter(arrival -> arrival.target().equals(target)).toList();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int connection = connections.incrementAndGet();
                daemon("wire-upstream-" + connection, () -> serve(socket, connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (List<String> head; !(head = readHead(in)).isEmpty(); ) {
                List<String> names = new ArrayList<>();
                long bodyLength = 0;
                for (String field : head.subList(1, head.size())) {
                    String name = field.substring(0, Math.max(field.indexOf(':'), 0));
                    names.add(name);
                    if (name.equalsIgnoreCase("content-length")) {
                        bodyLength = Long.parseLong(field.substring(name.length() + 1).trim());
                    }
                }
                in.skipNBytes(bodyLength);
                arrivals.add(new Arrival(connection, head.get(0).split(" ")[1], List.copyOf(names)));
                byte[] body = ("connection=" + connection + "\n" + String.join("\n", names) + "\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException | RuntimeException callerGone) {
            // the connection ends; what arrived is recorded
        }
    }

    /** The request line and header fields of the next request (blank lines before it skipped); empty at the end. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1; ) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            line.reset();
            if (!text.isEmpty()) {
                lines.add(text);
            } else if (!lines.isEmpty()) {
                return lines;
            }
        }
        return List.of();
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
