package dev.outrigger.sidecar.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * TLS originated to an upstream: mTLS to a mesh peer that must prove one exact SPIFFE ID, or ordinary TLS to
 * a server outside the mesh, whose certificate must match the endpoint's host name. Handlers are made with
 * the endpoint's host and port, which keys the JDK's client session cache, so new connections to an
 * endpoint can resume an earlier session.
 */
public final class TlsUpstream implements UpstreamSecurity {

    private static final Logger LOG = Logger.getLogger(TlsUpstream.class.getName());

    @FunctionalInterface
    private interface PeerCheck {
        void verify(SSLSession session) throws SSLPeerUnverifiedException;
    }

    private final Supplier<SslContext> context;
    private final PeerCheck check;

    private TlsUpstream(Supplier<SslContext> context, PeerCheck check) {
        this.context = context;
        this.check = check;
    }

    /** mTLS with this sidecar's current certificate to a peer that must be {@code spiffe://<trust domain>/service}. */
    public static TlsUpstream mesh(MeshTls mesh, String service) {
        SpiffeId expected = SpiffeId.ofService(mesh.self().trustDomain(), service);
        return new TlsUpstream(mesh::clientContext, session -> {
            SpiffeId seen = MeshTls.verifyPeer(session, expected.trustDomain());
            if (!seen.equals(expected)) {
                throw new PeerIdentityException(expected, seen);
            }
        });
    }

    /**
     * TLS with host name verification (and SNI), trusting the certificates in {@code caFile}, or the JDK's
     * system trust store when it is null.
     */
    public static TlsUpstream verifiedHost(Path caFile) throws InvalidMaterialException {
        SslContextBuilder builder = TlsSettings.restrict(SslContextBuilder.forClient())
                .endpointIdentificationAlgorithm("HTTPS");
        try {
            if (caFile != null) {
                builder.trustManager(Pem.readCertificates(caFile));
            }
            SslContext context = builder.build();
            return new TlsUpstream(() -> context, session -> { });
        } catch (IOException e) {
            throw new InvalidMaterialException(e.getMessage(), e);
        }
    }

    @Override
    public ChannelFuture secure(Channel channel, InetSocketAddress address) {
        SslHandler ssl = context.get().newHandler(channel.alloc(), address.getHostString(), address.getPort());
        ChannelPromise secured = channel.newPromise();
        channel.pipeline().addFirst(ssl);
        ssl.handshakeFuture().addListener(handshake -> {
            if (!handshake.isSuccess()) {
                secured.setFailure(handshake.cause());
                return;
            }
            try {
                check.verify(ssl.engine().getSession());
                secured.setSuccess();
            } catch (SSLPeerUnverifiedException e) {
                LOG.warning(() -> "refused upstream " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage());
                secured.setFailure(e);
            }
        });
        return secured;
    }

    /** A mesh peer proved an identity, but not the one of the service the connection was meant for. */
    public static final class PeerIdentityException extends SSLPeerUnverifiedException {
        PeerIdentityException(SpiffeId expected, SpiffeId seen) {
            super("peer presented " + seen + ", expected " + expected);
        }
    }
}
