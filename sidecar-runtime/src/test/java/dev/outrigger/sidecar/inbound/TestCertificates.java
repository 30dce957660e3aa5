package dev.outrigger.sidecar.inbound;

import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Test PKI made with the {@code openssl} command line in a directory: CAs and P-256 leaf certificates with
 * whatever subject alternative names a test needs (a SPIFFE ID, none, or several).
 */
final class TestCertificates {

    private final Path dir;

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code NAME.pem} and {@code NAME-key.pem}, a self-signed CA. */
    void ca(String name) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key(name).toString(), "-out", cert(name).toString(), "-days", "2", "-subj", "/CN=" + name,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    /**
     * Writes {@code NAME.pem} and {@code NAME-key.pem} signed by {@code ca}, valid from now for two days.
     *
     * @param subjectAltNames e.g. {@code URI:spiffe://outrigger.local/orders}; none for a certificate without SAN
     */
    void leaf(String name, String ca, String... subjectAltNames) throws IOException, InterruptedException {
        leaf(name, ca, 2, subjectAltNames);
    }

    /** As {@link #leaf(String, String, String...)}, valid for {@code days}; -1 makes a certificate that has expired. */
    void leaf(String name, String ca, int days, String... subjectAltNames) throws IOException, InterruptedException {
        Path csr = dir.resolve(name + ".csr");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key(name).toString(), "-out", csr.toString(), "-subj", "/CN=" + name);
        List<String> extensions = new ArrayList<>(List.of("basicConstraints=critical,CA:FALSE",
                "keyUsage=critical,digitalSignature", "extendedKeyUsage=serverAuth,clientAuth"));
        if (subjectAltNames.length > 0) {
            extensions.add("subjectAltName=" + String.join(",", subjectAltNames));
        }
        Path extensionFile = Files.writeString(dir.resolve(name + ".ext"), String.join("\n", extensions) + "\n");
        openssl("x509", "-req", "-in", csr.toString(), "-CA", cert(ca).toString(), "-CAkey", key(ca).toString(),
                "-CAcreateserial", "-out", cert(name).toString(), "-days", Integer.toString(days),
                "-extfile", extensionFile.toString());
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

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
