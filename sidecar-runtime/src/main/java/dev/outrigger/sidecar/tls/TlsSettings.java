package dev.outrigger.sidecar.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.util.List;

/** What every TLS context of the sidecar allows: TLS 1.3 and 1.2, forward-secret AEAD cipher suites only. */
public final class TlsSettings {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public static final List<String> CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            // RSA suites only matter for `tls: tls` upstreams outside the mesh, whose certificates may be RSA.
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /**
     * BoringSSL (netty-tcnative) where its native library loads, the JDK's TLS otherwise. The JDK's TLS is a lot
     * of Java code to JIT-compile: a fresh mTLS sidecar pair spent its first 20-30 s mostly in the C2 compiler
     * (about 450 µs of CPU per request per sidecar), which saturated the shared core at 1000 req/s.
     */
    static final SslProvider PROVIDER = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;

    private TlsSettings() {
    }

    /** The TLS implementation in use: "BoringSSL" or "JDK". */
    public static String provider() {
        return PROVIDER == SslProvider.OPENSSL ? "BoringSSL" : "JDK";
    }

    /**
     * {@code builder} limited to {@link #PROTOCOLS} and {@link #CIPHERS}, on {@link #PROVIDER}. Netty hands the key
     * to the key manager through an in-memory key store, never written anywhere: JKS protects it with a few SHA-1
     * rounds, the default PKCS12 with 2 x 10,000 PBKDF2 iterations, which took a mesh sidecar (three contexts)
     * about 2.5 s of its start on a cold JVM.
     */
    static SslContextBuilder restrict(SslContextBuilder builder) {
        return builder.sslProvider(PROVIDER)
                .keyStoreType("JKS")
                .protocols(PROTOCOLS)
                .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE);
    }
}
