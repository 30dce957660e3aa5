package dev.outrigger.sidecar.tls;

import dev.outrigger.sidecar.config.TlsFiles;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/** A mesh CA in a folder, and certificates from it, good and bad, for tests. */
final class TestPki {

    static final String TRUST_DOMAIN = "outrigger.local";

    final Path dir;
    final Credential ca;
    final Path caFile;

    TestPki(Path dir) throws IOException {
        this.dir = dir;
        Instant now = Instant.now();
        this.ca = CertificateBuilder.authority("test CA", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)))
                .build(null);
        this.caFile = dir.resolve("ca.pem");
        Pem.write(ca, caFile, dir.resolve("ca-key.pem"));
    }

    /** A good workload certificate for {@code service}, valid for a day. */
    Credential issue(String service) {
        return builder(SpiffeId.ofService(TRUST_DOMAIN, service)).build(ca);
    }

    static CertificateBuilder builder(SpiffeId id) {
        Instant now = Instant.now();
        return CertificateBuilder.workload(id, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    }

    /** Writes {@code credential} as {@code name.pem} and {@code name-key.pem}; the files of a sidecar's tls block. */
    TlsFiles write(String name, Credential credential) throws IOException {
        Path cert = dir.resolve(name + ".pem");
        Path key = dir.resolve(name + "-key.pem");
        Pem.write(credential, cert, key);
        return new TlsFiles(caFile, cert, key);
    }

    /** A JDK client context presenting {@code credential} (none when null) and trusting this CA. */
    SSLContext jdkClient(Credential credential) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient().trustManager(ca.certificate())
                .endpointIdentificationAlgorithm(null);
        if (credential != null) {
            builder.keyManager(credential.key(), credential.certificate());
        }
        return ((JdkSslContext) TlsSettings.restrict(builder).sslProvider(SslProvider.JDK).build()).context();
    }
}
