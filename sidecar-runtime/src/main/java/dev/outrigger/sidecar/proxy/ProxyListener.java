package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.config.OutboundSettings;
import dev.outrigger.sidecar.lifecycle.InFlightRequests;
import dev.outrigger.sidecar.metrics.Counter;
import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.pool.UpstreamPool;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/** A listening socket whose connections are proxied: idle timeout, strict HTTP/1.1 parsing, {@link ProxyHandler}. */
public final class ProxyListener {

    private ProxyListener() {
    }

    /**
     * Binds {@code address} and returns the listening channel.
     *
     * @param name     the listener's label in the metrics: {@code outbound} or {@code inbound}
     * @param pools    one upstream pool per event loop of {@code group}
     * @param inFlight counts this listener's requests, so that a stop can wait for them
     * @param security adds what comes before HTTP on each new connection (TLS), or nothing
     * @param agentSignals reads (and removes) what the caller's agent says about each request, see {@link AgentSignals}
     */
    public static Channel bind(String name, InetSocketAddress address, EventLoopGroup group, Transport transport,
                               OutboundSettings settings, Map<EventLoop, UpstreamPool> pools, ProxyMetrics metrics,
                               InFlightRequests inFlight, Consumer<Channel> security, Dispatcher dispatcher,
                               Function<HttpHeaders, AgentSignals> agentSignals) throws InterruptedException {
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(settings.maxRequestLine())
                .setMaxHeaderSize(settings.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024);
        long idleMillis = settings.idleTimeout().toMillis();
        Counter.Child connections = metrics.connectionsWithRequests(name);
        return new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true) // a restarted sidecar binds despite TIME_WAIT connections
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
                        security.accept(ch);
                        ch.pipeline().addLast(
                                new HttpServerCodec(decoder),
                                new ConnectionCounter(connections),
                                inFlight.newHandler(),
                                new ProxyHandler(dispatcher, agentSignals, pools.get(ch.eventLoop()), metrics,
                                        settings.retryBodyLimit()));
                    }
                })
                .bind(address).sync().channel();
    }
}
