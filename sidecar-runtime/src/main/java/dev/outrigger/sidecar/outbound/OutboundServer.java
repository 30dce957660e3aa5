package dev.outrigger.sidecar.outbound;

import dev.outrigger.sidecar.config.OutboundSettings;
import dev.outrigger.sidecar.lifecycle.InFlightRequests;
import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.pool.UpstreamPool;
import dev.outrigger.sidecar.proxy.AgentSignals;
import dev.outrigger.sidecar.proxy.ProxyListener;
import dev.outrigger.sidecar.proxy.Transport;
import dev.outrigger.sidecar.route.Router;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The outbound listener: where the app's (redirected) calls arrive, plaintext, routed by the {@link Router}. The
 * agent's {@code x-outrigger-*} request headers are read here and never forwarded.
 */
public final class OutboundServer {

    private OutboundServer() {
    }

    /**
     * Binds {@code address} and returns the listening channel.
     *
     * @param pools one upstream pool per event loop of {@code group}
     */
    public static Channel bind(InetSocketAddress address, EventLoopGroup group, Transport transport,
                               OutboundSettings settings, Router router, Map<EventLoop, UpstreamPool> pools,
                               ProxyMetrics metrics, InFlightRequests inFlight) throws InterruptedException {
        return ProxyListener.bind("outbound", address, group, transport, settings, pools, metrics, inFlight, channel -> {
        }, (request, caller) -> router.route(request), AgentSignals::takeFrom);
    }
}
