package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.pool.UpstreamPool;
import dev.outrigger.sidecar.proxy.LocalReply.Reason;
import dev.outrigger.sidecar.route.Route;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * One caller connection on a proxy listener (outbound or inbound). Requests are handled one at a time, in
 * order; a pipelined request waits (reading paused) until the response before it is complete. Malformed
 * requests are answered 400/414/431 and the connection is closed: nothing of them goes upstream. Where a
 * well-formed request goes is the {@link Dispatcher}'s decision.
 */
public final class ProxyHandler extends ChannelInboundHandlerAdapter implements Exchange.Caller {

    private static final int MAX_QUEUED = 256;

    private final Dispatcher dispatcher;
    private final Function<HttpHeaders, AgentSignals> agentSignals;
    private final UpstreamPool pool;
    private final ProxyMetrics metrics;
    private final int replayLimit;
    private final ArrayDeque<Object> queued = new ArrayDeque<>();
    private Channel channel;
    private Exchange current;
    private boolean reading;

    public ProxyHandler(Dispatcher dispatcher, Function<HttpHeaders, AgentSignals> agentSignals, UpstreamPool pool,
                        ProxyMetrics metrics, int replayLimit) {
        this.dispatcher = dispatcher;
        this.agentSignals = agentSignals;
        this.pool = pool;
        this.metrics = metrics;
        this.replayLimit = replayLimit;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.fireChannelActive();
    }

    @Override
    public boolean reading() {
        return reading;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        if (!queued.isEmpty() || (current != null && current.requestComplete())) {
            queue(msg);
        } else {
            dispatch(msg);
        }
    }

    private void queue(Object msg) {
        queued.add(msg);
        channel.config().setAutoRead(false);
        if (queued.size() > MAX_QUEUED) {
            channel.close();
        }
    }

    private void dispatch(Object msg) {
        if (msg instanceof HttpRequest request) {
            onRequest(request);
        }
        if (msg instanceof HttpContent part) {
            onContent(part);
        }
    }

    private void onRequest(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            reject(request.decoderResult().cause());
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HopByHop.strip(request.headers()); // first: a Connection header must not name what the dispatcher adds
        Route route = dispatcher.route(request, channel); // before the signals: the router reads x-outrigger-tls
        AgentSignals signals = agentSignals.apply(request.headers());
        if (route instanceof Route.Refused refused) {
            metrics.refused(refused.reason());
            LocalReply.send(channel, refused.reason(), refused.detail(), !keepAlive);
            return; // the body that may follow is read and dropped by onContent
        }
        if (route instanceof Route.Tunnel tunnel) {
            Tunnel.open(channel, tunnel, pool, metrics);
            return;
        }
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (route instanceof Route.ToService service) {
            current = exchange(request, keepAlive, service.uri(), service.authority(), service.cluster(), null,
                    signals);
        } else if (route instanceof Route.Passthrough pass) {
            current = exchange(request, keepAlive, pass.uri(), pass.authority(), pass.cluster(),
                    InetSocketAddress.createUnresolved(pass.host(), pass.port()), signals);
        }
        current.start();
    }

    private Exchange exchange(HttpRequest request, boolean keepAlive, String uri, String authority,
                              Cluster cluster, InetSocketAddress fixedAddress, AgentSignals signals) {
        request.setUri(uri);
        if (!authority.equals(request.headers().get(HttpHeaderNames.HOST))) {
            request.headers().remove(HttpHeaderNames.HOST).add("Host", authority); // untouched when right: keeps its place
        }
        return new Exchange(this, pool, request, keepAlive, cluster, fixedAddress, replayLimit, signals);
    }

    private void onContent(HttpContent part) {
        if (part.decoderResult().isFailure()) {
            Throwable cause = part.decoderResult().cause();
            part.release();
            if (current != null) {
                boolean started = current.responseStarted();
                current.abort();
                current = null;
                if (started) {
                    channel.close();
                    return;
                }
            }
            reject(cause);
            return;
        }
        if (current != null) {
            current.onRequestContent(part);
        } else {
            part.release();
        }
    }

    /** Answers a request the decoder could not accept, then closes: the stream can no longer be trusted. */
    private void reject(Throwable cause) {
        Reason reason = cause instanceof TooLongHttpLineException ? Reason.URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? Reason.HEADERS_TOO_LARGE
                : Reason.BAD_REQUEST;
        metrics.refused(reason);
        String detail = cause instanceof TooLongFrameException || cause == null ? reason.label() : cause.getMessage();
        LocalReply.send(channel, reason, detail, true);
        releaseQueued();
    }

    @Override
    public void exchangeDone(boolean close) {
        current = null;
        if (close) {
            channel.close();
            return;
        }
        while (!queued.isEmpty() && (current == null || !current.requestComplete())) {
            dispatch(queued.poll());
        }
        if (queued.isEmpty()) {
            channel.config().setAutoRead(true);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (current != null) {
            current.flushUpstream();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null) {
            current.onCallerWritabilityChanged(ctx.channel().isWritable());
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

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.abort();
            current = null;
        }
        releaseQueued();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void releaseQueued() {
        Object msg;
        while ((msg = queued.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
