package dev.outrigger.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A deterministic body of any length, generated on the fly so that neither side ever holds it whole:
 * byte {@code i} is {@code i % 251}. Senders stream it, receivers compare its length and SHA-256.
 */
public final class PatternBody extends InputStream {

    private final long length;
    private long position;

    public PatternBody(long length) {
        this.length = length;
    }

    @Override
    public int read() {
        return position < length ? (int) (position++ % 251) : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) (position++ % 251);
        }
        return n;
    }

    /** The SHA-256 (lower-case hex) of the pattern body of {@code length} bytes. */
    public static String sha256(long length) {
        try (InputStream in = new PatternBody(length)) {
            return Digest.of(in).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Length and SHA-256 of a stream read to its end. */
    public record Digest(long length, String sha256) {

        public static Digest of(InputStream in) throws IOException {
            MessageDigest sha = sha256Digest();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
                total += n;
            }
            return new Digest(total, HexFormat.of().formatHex(sha.digest()));
        }

        private static MessageDigest sha256Digest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
