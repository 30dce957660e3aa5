package dev.outrigger.it.support;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;

/** The certificate a TLS server presents to a new connection, and the one in a PEM file, to compare them. */
public final class ServedCertificate {

    private static final int TIMEOUT_MILLIS = 10_000;

    private ServedCertificate() {
    }

    /**
     * Starts a handshake with {@code 127.0.0.1:port} without a client certificate and returns the server's
     * certificate, which arrives before a strict mTLS server refuses the connection.
     */
    public static X509Certificate at(int port) {
        AtomicReference<X509Certificate> served = new AtomicReference<>();
        try (SSLSocket socket = (SSLSocket) recordingContext(served).getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
        } catch (IOException refusedForWantOfAClientCertificate) {
            // expected from a strict listener; the server's certificate was recorded before
        }
        if (served.get() == null) {
            throw new AssertionError("127.0.0.1:" + port + " presented no certificate");
        }
        return served.get();
    }

    public static X509Certificate inFile(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("not a certificate: " + pem, e);
        }
    }

    /** A client context that trusts any server and keeps the certificate it was shown. */
    private static SSLContext recordingContext(AtomicReference<X509Certificate> served) {
        TrustManager recorder = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("a client's trust manager");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                served.set(chain[0]);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
