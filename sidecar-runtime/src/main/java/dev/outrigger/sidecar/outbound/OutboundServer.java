package dev.outrigger.sidecar.outbound;

import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.config.OutboundSettings;
import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.pool.UpstreamPool;
import dev.outrigger.sidecar.proxy.Transport;
import dev.outrigger.sidecar.route.Router;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The outbound listener: where the app's (redirected) calls arrive. */
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
                               Cluster passthrough, ProxyMetrics metrics) throws InterruptedException {
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(settings.maxRequestLine())
                .setMaxHeaderSize(settings.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024);
        long idleMillis = settings.idleTimeout().toMillis();
        return new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(
                                new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS),
                                new HttpServerCodec(decoder),
                                new OutboundHandler(router, pools.get(ch.eventLoop()), passthrough, metrics,
                                        settings.retryBodyLimit()));
                    }
                })
                .bind(address).sync().channel();
    }
}
