package dev.outrigger.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A loopback HTTP server that plays the sidecar or an upstream: it records each request and answers 200. */
final class RecordingHttpServer implements AutoCloseable {

    /** @param target the request-target exactly as sent: absolute-form to a proxy, origin-form to a server */
    record Recorded(String method, String target, String host, String client, String body) {
    }

    private final HttpServer server;
    private final String answer;
    private final List<Recorded> recorded = new ArrayList<>();

    RecordingHttpServer(String answer) throws IOException {
        this.answer = answer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::record);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    synchronized List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    private void record(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestHeaders().getFirst("X-Client"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            synchronized (this) {
                recorded.add(request);
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
