package dev.outrigger.sidecar.admin;

import dev.outrigger.sidecar.lifecycle.Leases;
import dev.outrigger.sidecar.proxy.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The admin listener (loopback by default): a few read-only pages, each a supplier of text.
 * {@code /ready} answers 200 while {@link #ready} says so, 503 otherwise; every other page 200.
 * {@code GET /lease} takes a lease ({@link Leases}): a 200 whose body never ends, held until either side closes
 * the connection.
 */
public final class AdminServer {

    public static final String LEASE_PATH = "/lease";
    private static final AttributeKey<Boolean> LEASED = AttributeKey.valueOf("outrigger.leased");

    /** One admin page: its content type and how to produce its body. */
    public record Page(String contentType, Supplier<String> body) {
    }

    private AdminServer() {
    }

    public static Channel bind(InetSocketAddress address, EventLoopGroup group, Transport transport,
                               Map<String, Page> pages, Supplier<Boolean> ready, Leases leases)
            throws InterruptedException {
        ChannelHandler handler = new Handler(pages, ready, leases);
        return new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), handler);
                    }
                })
                .bind(address).sync().channel();
    }

    @ChannelHandler.Sharable
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Map<String, Page> pages;
        private final Supplier<Boolean> ready;
        private final Leases leases;

        Handler(Map<String, Page> pages, Supplier<Boolean> ready, Leases leases) {
            this.pages = pages;
            this.ready = ready;
            this.leases = leases;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (ctx.channel().hasAttr(LEASED)) {
                return; // the response never ends, so nothing more can be answered on this connection
            }
            String path = new QueryStringDecoder(request.uri()).path();
            if (path.equals(LEASE_PATH) && HttpMethod.GET.equals(request.method())
                    && request.decoderResult().isSuccess()) {
                lease(ctx);
                return;
            }
            Page page = pages.get(path);
            HttpResponseStatus status;
            String body;
            String type = "text/plain; charset=utf-8";
            if (!request.decoderResult().isSuccess()) {
                status = HttpResponseStatus.BAD_REQUEST;
                body = "bad request\n";
            } else if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
                status = HttpResponseStatus.METHOD_NOT_ALLOWED;
                body = "the admin pages are read-only\n";
            } else if (page == null) {
                status = HttpResponseStatus.NOT_FOUND;
                body = "pages: " + String.join(" ", pages.keySet()) + "\n";
            } else {
                status = path.equals("/ready") && !ready.get() ? HttpResponseStatus.SERVICE_UNAVAILABLE
                        : HttpResponseStatus.OK;
                body = page.body().get();
                type = page.contentType();
            }
            respond(ctx, request, status, type, body);
        }

        private void lease(ChannelHandlerContext ctx) {
            ctx.channel().attr(LEASED).set(true);
            leases.take(); // before the answer: whoever reads it may rely on the lease being counted
            ctx.channel().closeFuture().addListener(closed -> leases.end());
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            ctx.write(head);
            ctx.writeAndFlush(new DefaultHttpContent(ByteBufUtil.writeUtf8(ctx.alloc(),
                    "lease held; it ends when this connection closes\n")));
        }

        private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                                    String type, String text) {
            ByteBuf content = ByteBufUtil.writeUtf8(ctx.alloc(), text);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
            HttpUtil.setKeepAlive(response, keepAlive);
            if (HttpMethod.HEAD.equals(request.method())) {
                content.clear();
            }
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
