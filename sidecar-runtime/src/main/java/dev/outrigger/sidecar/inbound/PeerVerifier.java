package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.tls.MeshTls;
import dev.outrigger.sidecar.tls.SpiffeId;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Sits after the TLS handler of an inbound connection. Once the handshake (which checked the chain against
 * the CA and the validity dates) succeeds, it reads the caller's SPIFFE ID from the client certificate and
 * records it on the channel; a certificate without exactly one SPIFFE ID, or one of another trust domain,
 * closes the connection before any request is read. A connection that never shakes hands (plaintext, in
 * permissive mode) has no identity.
 */
final class PeerVerifier extends ChannelInboundHandlerAdapter {

    static final AttributeKey<SpiffeId> PEER = AttributeKey.valueOf("outrigger.peer");

    private static final Logger LOG = Logger.getLogger(PeerVerifier.class.getName());

    private final String trustDomain;
    private final InboundMetrics metrics;
    private boolean refused;

    PeerVerifier(String trustDomain, InboundMetrics metrics) {
        this.trustDomain = trustDomain;
        this.metrics = metrics;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                verify(ctx);
            } else {
                metrics.connectionRefused("tls-handshake");
                LOG.log(Level.FINE, () -> "inbound TLS handshake from " + ctx.channel().remoteAddress() + " failed: "
                        + handshake.cause());
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    private void verify(ChannelHandlerContext ctx) {
        try {
            SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
            ctx.channel().attr(PEER).set(MeshTls.verifyPeer(session, trustDomain));
        } catch (SSLPeerUnverifiedException e) {
            refuse(ctx, "identity", e.getMessage());
        }
    }

    private void refuse(ChannelHandlerContext ctx, String reason, String detail) {
        refused = true;
        metrics.connectionRefused(reason);
        LOG.warning(() -> "inbound connection from " + ctx.channel().remoteAddress() + " refused: " + detail);
        ctx.close();
    }

    /** Bytes that arrive with or after a refused handshake never reach the HTTP codec. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
        } else {
            ctx.fireChannelRead(msg);
        }
    }
}
