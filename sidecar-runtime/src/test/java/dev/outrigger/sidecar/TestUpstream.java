package dev.outrigger.sidecar;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A real HTTP server on loopback for proxy tests: answers every request with the status the test sets,
 * echoing the request line, Host and body length, and counts what reached it.
 */
public final class TestUpstream implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntSupplier status = () -> 200;
    private volatile long delayMillis;
    private volatile Headers lastHeaders;

    public TestUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        lastHeaders = exchange.getRequestHeaders();
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long bodyBytes;
        try (InputStream in = exchange.getRequestBody()) {
            bodyBytes = in.transferTo(OutputStream.nullOutputStream());
        }
        String text = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host="
                + exchange.getRequestHeaders().getFirst("Host") + " body=" + bodyBytes + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status.getAsInt(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public void answer(IntSupplier status) {
        this.status = status;
    }

    /** Every answer from now on waits this long first. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    /** The headers of the most recent request, or null before the first. */
    public Headers lastHeaders() {
        return lastHeaders;
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
