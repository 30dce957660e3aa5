package dev.outrigger.sidecar.tls;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * An HTTPS server on loopback standing in for a peer's inbound listener, on any Netty server context (so the
 * sidecar's own, whatever its TLS provider): answers 200 with the caller's SPIFFE ID as {@link MeshTls#verifyPeer}
 * sees it ({@code unverified: why} when it refuses it), with the Host header and the names of all headers it got
 * in {@code x-seen-host} and {@code x-seen-headers}, and remembers which connections requests came on.
 */
final class TlsPeer implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Set<SocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final Channel server;

    /**
     * A website outside the mesh: server-authenticated TLS with a certificate for {@code localhost} from the test
     * CA, on the JDK's provider (whose refusal wording the tests expect).
     */
    static TlsPeer website(TestPki pki) throws Exception {
        Credential localhost = TestPki.builder(SpiffeId.ofService(TestPki.TRUST_DOMAIN, "web")).dns("localhost")
                .build(pki.ca);
        return new TlsPeer(TlsSettings.restrict(SslContextBuilder.forServer(localhost.key(), localhost.certificate()))
                .sslProvider(SslProvider.JDK).build());
    }

    TlsPeer(SslContext context) throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(context.newHandler(ch.alloc()), new HttpServerCodec(),
                                new HttpObjectAggregator(64 * 1024), new Responder());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    private final class Responder extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            connections.add(ctx.channel().remoteAddress());
            String caller;
            try {
                caller = MeshTls.verifyPeer(ctx.pipeline().get(SslHandler.class).engine().getSession(),
                        TestPki.TRUST_DOMAIN).toString();
            } catch (SSLPeerUnverifiedException e) {
                caller = "unverified: " + e.getMessage();
            }
            FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(caller, StandardCharsets.UTF_8));
            HttpUtil.setContentLength(response, response.content().readableBytes());
            response.headers().set("x-seen-host", String.valueOf(request.headers().get("Host")))
                    .set("x-seen-headers", String.join(",", request.headers().names()).toLowerCase(Locale.ROOT));
            if (HttpUtil.isKeepAlive(request)) {
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    int connections() {
        return connections.size();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
