package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.proxy.Dispatcher;
import dev.outrigger.sidecar.proxy.LocalReply.Reason;
import dev.outrigger.sidecar.route.Route;
import dev.outrigger.sidecar.tls.SpiffeId;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

import java.util.List;
import java.util.logging.Logger;

/**
 * Inbound requests: the path normalized (or refused 400), the caller authorized (or refused 403), then sent
 * to the local app with the normalized path and the caller's verified identity.
 */
final class InboundDispatcher implements Dispatcher {

    private static final Logger LOG = Logger.getLogger(InboundDispatcher.class.getName());

    private final Authorizer authorizer;
    private final Cluster app;
    private final InboundMetrics metrics;

    InboundDispatcher(Authorizer authorizer, Cluster app, InboundMetrics metrics) {
        this.authorizer = authorizer;
        this.app = app;
        this.metrics = metrics;
    }

    @Override
    public Route route(HttpRequest request, Channel caller) {
        SpiffeId peer = caller.attr(PeerVerifier.PEER).get();
        metrics.request(peer != null);
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.size() != 1) {
            return new Route.Refused(Reason.BAD_REQUEST, hosts.isEmpty() ? "missing Host header"
                    : "more than one Host header");
        }
        RequestTarget target;
        try {
            target = RequestTarget.normalize(request.uri());
        } catch (RequestTarget.BadPathException e) {
            return new Route.Refused(Reason.BAD_PATH, e.getMessage());
        }
        String method = request.method().name();
        if (!authorizer.allows(peer, method, target.path())) {
            String who = peer == null ? InboundMetrics.UNAUTHENTICATED : peer.toString();
            metrics.denied(who);
            LOG.warning(() -> "inbound: denied " + who + " " + method + " " + target.path());
            return new Route.Refused(Reason.UNAUTHORIZED, who + " may not " + method + " " + target.path());
        }
        PeerHeaders.replace(request.headers(), peer);
        return new Route.ToService(app, target.uri(), hosts.get(0));
    }
}
