package dev.outrigger.sidecar.pool;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.AddressResolverGroup;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.outrigger.sidecar.proxy.Transport;
import dev.outrigger.sidecar.tls.UpstreamSecurity;

/**
 * Keep-alive HTTP/1.1 connections to upstreams, owned by one event loop: requests handled on that loop
 * use only its connections, so no lock is ever taken and a request and its upstream share a thread.
 * Connections are pooled by address and {@link UpstreamSecurity}, so plain and TLS connections (or mTLS
 * connections expecting different identities) to one address never mix.
 */
public final class UpstreamPool {

    private static final int MAX_IDLE_PER_ADDRESS = 64;

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    /** Idle connections by security, then address: two lookups, nothing allocated per acquire. */
    private final Map<UpstreamSecurity, Map<InetSocketAddress, ArrayDeque<Channel>>> idle = new HashMap<>();

    public UpstreamPool(EventLoop loop, Transport transport, AddressResolverGroup<? extends SocketAddress> resolver,
                        Duration idleTimeout, int maxHeaderBytes) {
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(8192)
                .setMaxHeaderSize(maxHeaderBytes)
                .setMaxChunkSize(64 * 1024);
        // Closed before a peer sidecar with the same setting would close its end: the pool then never picks a
        // connection the server is closing at that moment.
        long idleMillis = idleTimeout.toMillis() * 9 / 10;
        this.loop = loop;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(transport.socketChannel())
                .resolver(resolver)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(
                                new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS),
                                new HttpClientCodec(decoder, false, false),
                                new UpstreamHandler());
                    }
                });
    }

    /**
     * Hands {@code owner} a connection to {@code address} secured by {@code security}: a pooled one at once,
     * or a new one when the returned future completes (after the TLS handshake and peer check, if any).
     * On failure the owner is not attached.
     */
    public ChannelFuture acquire(InetSocketAddress address, UpstreamSecurity security, UpstreamListener owner,
                                 int connectTimeoutMillis) {
        ArrayDeque<Channel> channels = idle.computeIfAbsent(security, s -> new HashMap<>())
                .computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!channels.isEmpty()) {
            Channel channel = channels.pollLast();
            if (channel.isActive()) {
                handler(channel).owner(owner);
                return channel.newSucceededFuture();
            }
        }
        return connect(address, security, channels, owner, connectTimeoutMillis);
    }

    private ChannelFuture connect(InetSocketAddress address, UpstreamSecurity security, ArrayDeque<Channel> home,
                                  UpstreamListener owner, int connectTimeoutMillis) {
        ChannelFuture connect = bootstrap.clone()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .connect(address);
        ChannelPromise ready = new DefaultChannelPromise(connect.channel(), loop);
        connect.addListener(connected -> {
            if (!connected.isSuccess()) {
                ready.setFailure(connected.cause());
                return;
            }
            Channel channel = connect.channel();
            handler(channel).home = home;
            channel.closeFuture().addListener(closed -> home.remove(channel));
            security.secure(channel, address).addListener(secured -> {
                if (secured.isSuccess()) {
                    handler(channel).owner(owner);
                    ready.setSuccess();
                } else {
                    channel.close();
                    ready.setFailure(secured.cause());
                }
            });
        });
        return ready;
    }

    /**
     * A plain TCP connection to {@code address} outside the pool, for a tunnel: {@code handler} is its only
     * handler, and it reads nothing until told to.
     */
    public ChannelFuture connectRaw(InetSocketAddress address, ChannelHandler handler, int connectTimeoutMillis) {
        return bootstrap.clone()
                .handler(handler)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .connect(address);
    }

    /** Takes back a connection whose last exchange completed cleanly; it will serve the next request. */
    public void release(Channel channel) {
        UpstreamHandler handler = handler(channel);
        handler.owner(null);
        channel.config().setAutoRead(true);
        if (!channel.isActive() || handler.home.size() >= MAX_IDLE_PER_ADDRESS) {
            channel.close();
            return;
        }
        handler.home.addLast(channel);
    }

    /** Detaches the owner and closes the connection (after a failure or an unfinished exchange). */
    public static void discard(Channel channel) {
        handler(channel).owner(null);
        channel.close();
    }

    private static UpstreamHandler handler(Channel channel) {
        return channel.pipeline().get(UpstreamHandler.class);
    }
}
