package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.config.Address;
import dev.outrigger.sidecar.config.InboundConfig;
import dev.outrigger.sidecar.config.SidecarConfig;
import dev.outrigger.sidecar.lifecycle.InFlightRequests;
import dev.outrigger.sidecar.metrics.MetricsRegistry;
import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.pool.UpstreamPool;
import dev.outrigger.sidecar.proxy.AgentSignals;
import dev.outrigger.sidecar.proxy.ProxyListener;
import dev.outrigger.sidecar.proxy.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The inbound listener: where other sidecars' calls to this service arrive over mTLS (and, in permissive
 * mode, plaintext callers too), to be authorized and forwarded to the local app.
 */
public final class InboundServer {

    private InboundServer() {
    }

    /**
     * Binds {@code config.listeners().inbound()}; {@code config.inbound()} must not be null.
     *
     * @param tls   the server context for each new connection, so a rotated certificate applies to new
     *              connections while open ones keep theirs
     * @param pools one upstream pool per event loop of {@code group}
     */
    public static Channel bind(SidecarConfig config, Supplier<SslContext> tls, EventLoopGroup group,
                               Transport transport, Map<EventLoop, UpstreamPool> pools, ProxyMetrics proxyMetrics,
                               MetricsRegistry registry, InFlightRequests inFlight) throws InterruptedException {
        InboundConfig inbound = config.inbound();
        InboundMetrics metrics = new InboundMetrics(registry);
        InboundDispatcher dispatcher = new InboundDispatcher(Authorizer.of(inbound.authorization(),
                config.trustDomain()), Cluster.app(config.app(), proxyMetrics), metrics);
        boolean permissive = inbound.mtls() == InboundConfig.Mtls.PERMISSIVE;
        Address address = config.listeners().inbound();
        return ProxyListener.bind("inbound", new InetSocketAddress(address.host(), address.port()), group, transport,
                config.outbound(), pools, proxyMetrics, inFlight, channel -> {
                    ChannelHandler handshake = permissive ? new OptionalSslHandler(tls.get())
                            : tls.get().newHandler(channel.alloc());
                    channel.pipeline().addLast(handshake, new PeerVerifier(config.trustDomain(), metrics));
                }, dispatcher, AgentSignals::ignore);
    }
}
