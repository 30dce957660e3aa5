package dev.outrigger.sidecar.pool;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;

/** Last handler of an upstream connection: hands events to the request that owns the connection, if any. */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private UpstreamListener owner;
    /** Who was handed a message in the current burst of reads: told when it ends, even if it let go meanwhile. */
    private UpstreamListener reader;
    /** Where this connection waits while idle (its address and security), set once it is connected. */
    ArrayDeque<Channel> home;

    void owner(UpstreamListener owner) {
        this.owner = owner;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (owner != null && msg instanceof HttpObject http) {
            reader = owner;
            owner.onResponse(http);
        } else {
            // Bytes on an idle pooled connection mean the peer is confused: never reuse it.
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        UpstreamListener listener = reader;
        reader = null;
        if (listener != null) {
            listener.onReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.onWritabilityChanged(ctx.channel().isWritable());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        UpstreamListener listener = owner;
        owner = null;
        if (listener != null) {
            listener.onClosed(null);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        UpstreamListener listener = owner;
        owner = null;
        ctx.close();
        if (listener != null) {
            listener.onClosed(cause);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }
}
