package dev.outrigger.sidecar.tls;

import dev.outrigger.sidecar.config.TlsFiles;
import dev.outrigger.sidecar.metrics.Counter;
import dev.outrigger.sidecar.metrics.MetricsRegistry;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * This sidecar's mesh TLS: its current credentials and the Netty contexts built from them. The files are
 * watched; new material that passes every check replaces the old atomically, so each new connection gets
 * the current contexts while open connections keep theirs. Broken material is refused, logged once and
 * counted, and the previous material stays in use.
 */
public final class MeshTls implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MeshTls.class.getName());
    private static final Duration POLL_PERIOD = Duration.ofSeconds(1);

    /** The contexts built from one set of material, swapped as a whole. */
    private record Contexts(MeshMaterial material, SslContext client, SslContext server) {
    }

    private final TlsFiles files;
    private final SpiffeId self;
    private final Clock clock;
    private final Counter.Child reloadsOk;
    private final Counter.Child reloadsRejected;
    private volatile Contexts current;
    private byte[] activeFingerprint;
    private byte[] pendingFingerprint;
    private ScheduledExecutorService watcher;

    private MeshTls(TlsFiles files, SpiffeId self, Clock clock, MetricsRegistry registry)
            throws InvalidMaterialException {
        this.files = files;
        this.self = self;
        this.clock = clock;
        this.activeFingerprint = fingerprint();
        this.current = contexts(MeshMaterial.load(files, self, clock.instant()));
        Counter reloads = registry.counter("outrigger_tls_reloads_total",
                "Changes of the certificate, key or CA files, by whether the new material was put in use.", "result");
        this.reloadsOk = reloads.labels("ok");
        this.reloadsRejected = reloads.labels("rejected");
        registry.gauge("outrigger_tls_certificate_expiry_seconds",
                "Seconds until this sidecar's certificate expires (negative once it has).", new String[0],
                sink -> sink.set(secondsToExpiry()));
    }

    /**
     * Loads and checks the material in {@code files} for the workload {@code self} and registers the TLS
     * metrics; call {@link #startWatching()} to follow changes of the files.
     */
    public static MeshTls load(TlsFiles files, SpiffeId self, Clock clock, MetricsRegistry registry)
            throws InvalidMaterialException {
        return new MeshTls(files, self, clock, registry);
    }

    /** The identity this sidecar presents. */
    public SpiffeId self() {
        return self;
    }

    /**
     * The current server context; it requires a client certificate from the mesh CA ({@link ClientAuth#REQUIRE}) in
     * both inbound modes: {@code permissive} also takes plaintext callers, but a caller that starts TLS is held to
     * the mesh's rules as in {@code strict}. Ask again for each new connection.
     */
    public SslContext serverContext() {
        return current.server();
    }

    /** The current client context: presents this sidecar's certificate, trusts the mesh CA only. */
    public SslContext clientContext() {
        return current.client();
    }

    /**
     * The identity a peer proved in a finished handshake whose certificate chain the mesh CA's trust manager
     * accepted (so it is from the mesh CA and valid now): the one SPIFFE URI SAN of its certificate, which must
     * belong to {@code trustDomain}.
     *
     * @throws SSLPeerUnverifiedException when the peer sent no certificate, or one without exactly one valid
     *                                    SPIFFE ID, or one from another trust domain
     */
    public static SpiffeId verifyPeer(SSLSession session, String trustDomain) throws SSLPeerUnverifiedException {
        Certificate[] chain = session.getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new SSLPeerUnverifiedException("the peer presented no X.509 certificate");
        }
        SpiffeId id;
        try {
            id = SpiffeId.of(leaf);
        } catch (IllegalArgumentException e) {
            throw new SSLPeerUnverifiedException(e.getMessage());
        }
        if (!id.trustDomain().equals(trustDomain)) {
            throw new SSLPeerUnverifiedException("peer " + id + " is not of trust domain " + trustDomain);
        }
        return id;
    }

    /** True once the certificate in use has expired: the sidecar is then not ready. */
    public boolean expired() {
        return secondsToExpiry() < 0;
    }

    private long secondsToExpiry() {
        return Duration.between(clock.instant(), current.material().notAfter()).toSeconds();
    }

    /** Polls the files every second on a daemon thread until {@link #close()}. */
    public synchronized void startWatching() {
        if (watcher == null) {
            watcher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "outrigger-tls-watch");
                thread.setDaemon(true);
                return thread;
            });
            watcher.scheduleWithFixedDelay(this::poll, POLL_PERIOD.toMillis(), POLL_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One look at the files. Changed content is loaded once it has stayed the same for two polls in a row,
     * so a certificate and key written one after the other are taken together.
     *
     * @return true when new material was put in use
     */
    public synchronized boolean poll() {
        byte[] seen = fingerprint();
        if (Arrays.equals(seen, activeFingerprint)) {
            pendingFingerprint = null;
            return false;
        }
        if (!Arrays.equals(seen, pendingFingerprint)) {
            pendingFingerprint = seen;
            return false;
        }
        pendingFingerprint = null;
        activeFingerprint = seen; // whatever the outcome, the same content is not tried (nor logged) again
        try {
            Contexts fresh = contexts(MeshMaterial.load(files, self, clock.instant()));
            current = fresh;
            reloadsOk.inc();
            LOG.info(() -> "TLS material reloaded: " + self + ", certificate valid until " + fresh.material().notAfter());
            return true;
        } catch (InvalidMaterialException e) {
            reloadsRejected.inc();
            LOG.warning("new TLS material refused, the previous one stays in use: " + e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    private static Contexts contexts(MeshMaterial material) throws InvalidMaterialException {
        X509Certificate[] chain = material.chain().toArray(X509Certificate[]::new);
        X509Certificate[] authorities = material.authorities().toArray(X509Certificate[]::new);
        try {
            SslContext client = TlsSettings.restrict(SslContextBuilder.forClient())
                    .keyManager(material.key(), chain)
                    .trustManager(authorities)
                    .endpointIdentificationAlgorithm(null) // peers are checked by SPIFFE ID, not host name
                    .build();
            SslContext server = TlsSettings.restrict(SslContextBuilder.forServer(material.key(), chain))
                    .trustManager(authorities)
                    .clientAuth(ClientAuth.REQUIRE)
                    .build();
            return new Contexts(material, client, server);
        } catch (SSLException e) {
            throw new InvalidMaterialException("cannot build TLS contexts: " + e.getMessage(), e);
        }
    }

    /** A digest of the three files' contents; an unreadable file counts as content of its own. */
    private byte[] fingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (Path file : new Path[] {files.ca(), files.cert(), files.key()}) {
            try {
                digest.update(Files.readAllBytes(file));
            } catch (IOException e) {
                digest.update(("unreadable " + file + ": " + e).getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
        }
        return digest.digest();
    }
}
