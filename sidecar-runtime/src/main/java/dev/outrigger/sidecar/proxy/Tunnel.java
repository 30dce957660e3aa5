package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.pool.UpstreamPool;
import dev.outrigger.sidecar.proxy.LocalReply.Reason;
import dev.outrigger.sidecar.route.Route;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateEvent;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One side of a {@code CONNECT} tunnel: what its connection reads is written to the other side's, reading pausing
 * while that one cannot take more. A side that ends its output (half-close) has that end passed on; a side that
 * closes closes the other once what it was sent is written.
 */
final class Tunnel extends ChannelInboundHandlerAdapter {

    private static final byte[] ESTABLISHED = "HTTP/1.1 200 Connection established\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final Channel peer;

    private Tunnel(Channel peer) {
        this.peer = peer;
    }

    /**
     * Connects to the tunnel's host; then answers the caller 200, and from there its connection carries bytes, no
     * longer HTTP. If the host cannot be reached, the caller gets a 502 and the connection closes.
     */
    static void open(Channel caller, Route.Tunnel route, UpstreamPool pool, ProxyMetrics metrics) {
        caller.config().setAutoRead(false);
        ChannelFuture connect = pool.connectRaw(InetSocketAddress.createUnresolved(route.host(), route.port()),
                new Tunnel(caller), Exchange.MAX_CONNECT_MILLIS);
        connect.addListener(connected -> {
            if (!connected.isSuccess()) {
                metrics.tunnel("unreachable");
                LocalReply.send(caller, Reason.UPSTREAM_UNREACHABLE, "cannot reach " + route.host() + ":"
                        + route.port() + ": " + connected.cause().getMessage(), true);
                return;
            }
            Channel upstream = connect.channel();
            if (!caller.isActive()) {
                upstream.close();
                return;
            }
            metrics.tunnel("opened");
            ChannelPipeline pipeline = caller.pipeline();
            pipeline.addLast(new Tunnel(upstream)); // first: bytes the HTTP decoder still holds reach it
            removeHttpHandlers(pipeline);
            caller.writeAndFlush(Unpooled.wrappedBuffer(ESTABLISHED));
            caller.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
            caller.config().setAutoRead(true);
            upstream.config().setAutoRead(true);
        });
    }

    /** The HTTP codec and every handler after it but the tunnel, last first, so nothing sees a stray byte. */
    private static void removeHttpHandlers(ChannelPipeline pipeline) {
        List<String> http = new ArrayList<>();
        for (Map.Entry<String, ChannelHandler> handler : pipeline.toMap().entrySet()) {
            if (handler.getValue() instanceof HttpServerCodec || !http.isEmpty()) {
                http.add(0, handler.getKey());
            }
        }
        http.remove(0); // the tunnel
        http.forEach(pipeline::remove);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        peer.write(msg, peer.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
        if (!peer.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            peer.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (peer.isActive()) {
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** One side has sent all it will: the end is passed on once written, and the other way stays open. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> endOutput(peer));
            if (((DuplexChannel) ctx.channel()).isOutputShutdown()) {
                ctx.close();
            }
        } else if (event instanceof IdleStateEvent) {
            ctx.close();
        }
    }

    private static void endOutput(Channel channel) {
        DuplexChannel duplex = (DuplexChannel) channel;
        if (duplex.isInputShutdown()) {
            channel.close();
        } else {
            duplex.shutdownOutput();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
