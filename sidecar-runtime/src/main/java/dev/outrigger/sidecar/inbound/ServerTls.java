package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.config.TlsConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;

import java.io.UncheckedIOException;
import java.util.List;
import javax.net.ssl.SSLException;

/** The inbound listener's TLS settings: TLS 1.3 and 1.2 only, AEAD ciphers only, client certificate required. */
public final class ServerTls {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** TLS 1.3's suites are all AEAD; for 1.2, forward-secret ECDHE with GCM or ChaCha20-Poly1305 only. */
    static final List<String> AEAD_CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private ServerTls() {
    }

    /**
     * A server context from the PEM files of {@code tls}: the chain is checked against {@code tls.ca()}
     * (validity dates included) during the handshake; identity is checked after it ({@link PeerVerifier}).
     *
     * @throws IllegalArgumentException when a file is missing or holds no valid certificate or key
     * @throws UncheckedIOException     when the context cannot be built from them
     */
    public static SslContext fromFiles(TlsConfig tls) {
        try {
            return SslContextBuilder.forServer(tls.cert().toFile(), tls.key().toFile())
                    .trustManager(tls.ca().toFile())
                    .clientAuth(ClientAuth.REQUIRE)
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .ciphers(AEAD_CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .build();
        } catch (SSLException e) {
            throw new UncheckedIOException("cannot build the inbound TLS context from " + tls, e);
        }
    }
}
