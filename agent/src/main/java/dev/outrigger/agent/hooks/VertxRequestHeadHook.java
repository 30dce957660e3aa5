package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.CallSignals;
import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.vertx.core.http.impl.Http1xClientConnection;
import io.vertx.core.net.SocketAddress;

/**
 * On exit of Vert.x 4's {@code Http1xClientConnection.createRequest}, which builds a request's head once, from its
 * first write. An https request {@link VertxRequestHook} handed to the sidecar goes on a plain connection, so
 * Vert.x names port 443 in its {@code Host}; it gets the {@code Host} it would have had over TLS, its URI's
 * authority. With {@code signals=on}: when that first write also ended the request ({@code end(Buffer)}, WebClient's
 * {@code sendBuffer}), the whole body was in memory and the head is a {@link FullHttpRequest}, so on a connection to
 * the sidecar it says its body can be sent again. A body written in parts ({@code write}, a piped
 * {@code ReadStream}, WebClient's {@code sendStream}) never says so. The call's timeout came with the request.
 */
public final class VertxRequestHeadHook extends OnExit<HttpRequest, Http1xClientConnection, Object> {
    private static final String HTTPS = "https://";

    @Override
    public HttpRequest exit(HttpRequest head, Http1xClientConnection connection, Object method) {
        String uri = head.uri();
        if (uri.startsWith(HTTPS)) {
            int path = uri.indexOf('/', HTTPS.length());
            String authority = uri.substring(HTTPS.length(), path < 0 ? uri.length() : path);
            if ((authority + ":443").equals(head.headers().get(HttpHeaderNames.HOST))) {
                head.headers().set(HttpHeaderNames.HOST, authority);
            }
        }
        SocketAddress peer = connection.remoteAddress();
        if (head instanceof FullHttpRequest && SidecarRoutes.signalsGoVia(peer.host(), peer.port())) {
            head.headers().set(CallSignals.REPLAYABLE, "1");
        }
        return head;
    }
}
