package dev.outrigger.sidecar.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * An HTTPS server on loopback standing in for a peer's inbound listener: answers 200 with the caller's
 * SPIFFE ID as {@link MeshTls#verifyPeer} sees it ({@code unverified: why} when it refuses it) and the Host
 * header and the names of all headers it got in {@code x-seen-host} and {@code x-seen-headers}, and remembers which connections requests came on.
 */
final class TlsPeer implements AutoCloseable {

    private final HttpsServer server;
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();

    /** @param requireClientCertificate mTLS as a mesh peer, or plain server-authenticated TLS */
    TlsPeer(SslContext context, boolean requireClientCertificate) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(((JdkSslContext) context).context()) {
            @Override
            public void configure(HttpsParameters params) {
                var parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setProtocols(TlsSettings.PROTOCOLS.toArray(String[]::new));
                parameters.setNeedClientAuth(requireClientCertificate);
                params.setSSLParameters(parameters);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            connections.add(exchange.getRemoteAddress());
            String caller;
            try {
                caller = MeshTls.verifyPeer(((HttpsExchange) exchange).getSSLSession(), TestPki.TRUST_DOMAIN).toString();
            } catch (SSLPeerUnverifiedException e) {
                caller = "unverified: " + e.getMessage();
            }
            byte[] body = caller.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-seen-host", exchange.getRequestHeaders().getFirst("Host"));
            exchange.getResponseHeaders().set("x-seen-headers",
                    String.join(",", exchange.getRequestHeaders().keySet()).toLowerCase(java.util.Locale.ROOT));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    int connections() {
        return connections.size();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
