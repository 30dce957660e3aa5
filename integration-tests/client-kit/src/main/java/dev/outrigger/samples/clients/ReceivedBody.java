package dev.outrigger.samples.clients;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A response body taken in as it arrives, piece by piece, without holding more than a small one: what
 * {@link SampleClient.Reply} shows of it, the text when small, else its length and SHA-256.
 */
public final class ReceivedBody {

    private static final int TEXT_LIMIT = 64 * 1024;

    private final MessageDigest sha = sha256();
    private final ByteArrayOutputStream small = new ByteArrayOutputStream();
    private long total;

    public void add(byte[] bytes, int offset, int length) {
        sha.update(bytes, offset, length);
        if (total + length <= TEXT_LIMIT) {
            small.write(bytes, offset, length);
        }
        total += length;
    }

    /** Takes in the buffer's remaining bytes. */
    public void add(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        add(bytes, 0, bytes.length);
    }

    /** The body as text, or {@code received.length=N} and {@code received.sha256=HEX} lines when it is large. */
    public String text() {
        return total <= TEXT_LIMIT ? small.toString(StandardCharsets.UTF_8)
                : "received.length=" + total + "\nreceived.sha256=" + HexFormat.of().formatHex(sha.digest()) + "\n";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
