package dev.outrigger.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An unchanged upstream service: echoes every request back, and fails on purpose when told to.
 *
 * <pre>
 * java dev.outrigger.samples.UpstreamApp PORT NAME MODE
 *   MODE: healthy | fail (always 503) | flaky (every 2nd request 503) | flaky:RATIO (e.g. flaky:0.25)
 * </pre>
 *
 * Any path answers with the echo: lines {@code echo.KEY=VALUE} naming the instance, method, raw path, raw
 * query, each header value and the body's length and SHA-256. Control paths, never counted or failed:
 * {@code /_sample/count} (requests received), {@code /_sample/connections} (distinct client ports seen),
 * {@code /_sample/bytes?n=N[&chunked=true]} (N pattern bytes, see {@link PatternBody}), {@code /_sample/status/N}
 * (status N, no body: e.g. 204, 304), {@code /_sample/redirect?to=URL} (302 to URL) and {@code /_sample/slow?ms=N}
 * (200 after N milliseconds).
 */
public final class UpstreamApp {

    private static final String CONTROL_PREFIX = "/_sample/";

    private final String name;
    private final double failureRatio;
    private final AtomicLong received = new AtomicLong();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    UpstreamApp(String name, double failureRatio) {
        this.name = name;
        this.failureRatio = failureRatio;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: UpstreamApp PORT NAME healthy|fail|flaky|flaky:RATIO");
            System.exit(2);
        }
        UpstreamApp app = new UpstreamApp(args[1], failureRatio(args[2]));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 128);
        server.createContext("/", app::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        System.out.println("READY port=" + server.getAddress().getPort() + " name=" + args[1] + " mode=" + args[2]);
    }

    static double failureRatio(String mode) {
        if (mode.equals("healthy")) {
            return 0;
        }
        if (mode.equals("fail")) {
            return 1;
        }
        if (mode.equals("flaky")) {
            return 0.5;
        }
        if (mode.startsWith("flaky:")) {
            return Double.parseDouble(mode.substring("flaky:".length()));
        }
        throw new IllegalArgumentException("unknown mode " + mode);
    }

    /** Whether the n-th request (1-based) fails: spreads failures evenly, e.g. ratio 0.5 fails 2, 4, 6... */
    static boolean fails(long n, double ratio) {
        return Math.floor(n * ratio) > Math.floor((n - 1) * ratio);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(CONTROL_PREFIX)) {
                control(exchange, path.substring(CONTROL_PREFIX.length()));
            } else {
                clientPorts.add(exchange.getRemoteAddress().getPort());
                int status = fails(received.incrementAndGet(), failureRatio) ? 503 : 200;
                echo(exchange, status);
            }
        }
    }

    private void echo(HttpExchange exchange, int status) throws IOException {
        PatternBody.Digest body;
        try (InputStream in = exchange.getRequestBody()) {
            body = PatternBody.Digest.of(in);
        }
        StringBuilder text = new StringBuilder()
                .append("echo.instance=").append(name).append('\n')
                .append("echo.method=").append(exchange.getRequestMethod()).append('\n')
                .append("echo.path=").append(exchange.getRequestURI().getRawPath()).append('\n')
                .append("echo.query=").append(nullToEmpty(exchange.getRequestURI().getRawQuery())).append('\n');
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        headers.forEach((header, values) ->
                values.forEach(value -> text.append("echo.header.").append(header).append('=').append(value).append('\n')));
        text.append("echo.body-length=").append(body.length()).append('\n')
                .append("echo.body-sha256=").append(body.sha256()).append('\n');
        send(exchange, status, text.toString());
    }

    private void control(HttpExchange exchange, String command) throws IOException {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        String query = nullToEmpty(exchange.getRequestURI().getQuery());
        switch (command.startsWith("status/") ? "status" : command) {
            case "count" -> send(exchange, 200, received.get() + "\n");
            case "connections" -> send(exchange, 200, clientPorts.size() + "\n");
            case "bytes" -> sendPattern(exchange, query);
            case "status" -> exchange.sendResponseHeaders(Integer.parseInt(command.substring("status/".length())), -1);
            case "redirect" -> {
                exchange.getResponseHeaders().set("location", queryValue(query, "to", "/"));
                exchange.sendResponseHeaders(302, -1);
            }
            case "slow" -> {
                pause(Long.parseLong(queryValue(query, "ms", "0")));
                send(exchange, 200, "slow\n");
            }
            default -> send(exchange, 404, "unknown control path\n");
        }
    }

    private void sendPattern(HttpExchange exchange, String query) throws IOException {
        long length = Long.parseLong(queryValue(query, "n", "0"));
        boolean chunked = Boolean.parseBoolean(queryValue(query, "chunked", "false"));
        exchange.getResponseHeaders().set("x-sample-instance", name);
        exchange.getResponseHeaders().set("content-type", "application/octet-stream");
        exchange.sendResponseHeaders(200, chunked ? 0 : (length == 0 ? -1 : length));
        try (InputStream body = new PatternBody(length); OutputStream out = exchange.getResponseBody()) {
            body.transferTo(out);
        }
    }

    private void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("x-sample-instance", name);
        exchange.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String queryValue(String query, String key, String fallback) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        return fallback;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
