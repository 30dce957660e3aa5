package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.metrics.Counter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Counts its connection once, at the first request, then leaves the pipeline: a connection that carries no request
 * (a reachability probe) is not counted, and later requests cost nothing.
 */
final class ConnectionCounter extends ChannelInboundHandlerAdapter {

    private final Counter.Child connections;

    ConnectionCounter(Counter.Child connections) {
        this.connections = connections;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            connections.inc();
            ctx.pipeline().remove(this);
        }
        ctx.fireChannelRead(msg);
    }
}
