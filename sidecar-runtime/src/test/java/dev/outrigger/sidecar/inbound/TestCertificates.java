package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.tls.CertificateBuilder;
import dev.outrigger.sidecar.tls.Credential;
import dev.outrigger.sidecar.tls.Pem;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Test PKI in a directory, made with the sidecar's own {@link CertificateBuilder}: CAs and P-256 leaf
 * certificates with whatever subject alternative names a test needs (a SPIFFE ID, none, or several).
 */
final class TestCertificates {

    private final Path dir;
    private final Map<String, Credential> authorities = new HashMap<>();

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code NAME.pem} and {@code NAME-key.pem}, a self-signed CA valid for two days. */
    void ca(String name) throws IOException {
        Instant now = Instant.now();
        Credential ca = CertificateBuilder.authority(name, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)))
                .build(null);
        authorities.put(name, ca);
        Pem.write(ca, cert(name), key(name));
    }

    /**
     * Writes {@code NAME.pem} and {@code NAME-key.pem} signed by {@code ca}, valid from now for two days.
     *
     * @param subjectAltNames e.g. {@code URI:spiffe://outrigger.local/orders} or {@code DNS:orders}; none for a
     *                        certificate without SAN
     */
    void leaf(String name, String ca, String... subjectAltNames) throws IOException {
        leaf(name, ca, 2, subjectAltNames);
    }

    /** As {@link #leaf(String, String, String...)}, valid for {@code days}; -1 makes a certificate that has expired. */
    void leaf(String name, String ca, int days, String... subjectAltNames) throws IOException {
        Instant now = Instant.now();
        Instant notAfter = now.plus(Duration.ofDays(days));
        Instant notBefore = days < 0 ? notAfter.minus(Duration.ofDays(1)) : now.minus(Duration.ofHours(1));
        CertificateBuilder builder = CertificateBuilder.workload(name, notBefore, notAfter);
        for (String san : subjectAltNames) {
            if (san.startsWith("URI:")) {
                builder.uri(san.substring(4));
            } else if (san.startsWith("DNS:")) {
                builder.dns(san.substring(4));
            } else {
                throw new IllegalArgumentException("a SAN is URI:... or DNS:..., got " + san);
            }
        }
        Pem.write(builder.build(authorities.get(ca)), cert(name), key(name));
    }

    Path cert(String name) {
        return dir.resolve(name + ".pem");
    }

    Path key(String name) {
        return dir.resolve(name + "-key.pem");
    }

    /** A client context trusting {@code ca} that presents {@code name}'s certificate, or none when null. */
    SSLContext client(String name, String ca) throws IOException {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager(cert(ca).toFile());
        if (name != null) {
            builder.keyManager(cert(name).toFile(), key(name).toFile());
        }
        return ((JdkSslContext) builder.build()).context();
    }
}
