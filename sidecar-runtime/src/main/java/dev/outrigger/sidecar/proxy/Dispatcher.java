package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.route.Route;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;

/** What a listener does with a well-formed request: where it goes, or why the sidecar answers it itself. */
@FunctionalInterface
public interface Dispatcher {

    /**
     * @param request the request, hop-by-hop headers already removed; the dispatcher may change its headers
     * @param caller  the caller's connection (e.g. for its TLS identity)
     */
    Route route(HttpRequest request, Channel caller);
}
