package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import io.vertx.core.http.impl.HttpClientRequestBase;

/**
 * On exit of Vert.x 4's {@code HttpClientRequestBase.absoluteURI()}, which prefixes the request's URI with the
 * connection's scheme and the authority even when, sent via an HTTP proxy, the URI is absolute already
 * ({@code http://host:443https://host/x}). Vert.x resolves a redirect's {@code Location} against it, so a relative
 * one would lose its host (and, for an https request {@link VertxRequestHook} handed to the sidecar, its scheme).
 * An absolute URI is its own absolute URI.
 */
public final class VertxAbsoluteUriHook extends OnExit<String, HttpClientRequestBase, Object> {

    @Override
    public String exit(String absoluteUri, HttpClientRequestBase request, Object none) {
        String uri = request.getURI();
        return uri.regionMatches(true, 0, "https://", 0, 8) || uri.regionMatches(true, 0, "http://", 0, 7)
                ? uri : absoluteUri;
    }
}
