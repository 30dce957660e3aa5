package dev.outrigger.sidecar.lifecycle;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests of the proxy listeners that have arrived and whose response has not been written in full, so
 * a stop can wait for them. A request counts from its head until the last part of its final (not 1xx) response is
 * written, or until its connection closes or becomes a tunnel.
 */
public final class InFlightRequests {
    private final AtomicInteger count = new AtomicInteger();

    public int count() {
        return count.get();
    }

    /** A handler for one connection, between the HTTP codec and the proxy handler. */
    public ChannelHandler newHandler() {
        return new Tracker();
    }

    private final class Tracker extends ChannelDuplexHandler {
        /** Requests of this connection in flight: more than one only when the caller pipelines. */
        private int open;
        private boolean interimResponse;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                open++;
                count.incrementAndGet();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpResponse response) {
                interimResponse = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            }
            if (msg instanceof LastHttpContent && !interimResponse && open > 0) {
                open--;
                count.decrementAndGet();
            }
            ctx.write(msg, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            forgetOpen();
            ctx.fireChannelInactive();
        }

        /** The connection became a tunnel: its bytes are no longer requests. */
        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            forgetOpen();
        }

        private void forgetOpen() {
            count.addAndGet(-open);
            open = 0;
        }
    }
}
