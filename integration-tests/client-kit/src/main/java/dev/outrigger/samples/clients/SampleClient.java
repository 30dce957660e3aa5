package dev.outrigger.samples.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** One HTTP client library, used the way its documentation shows. */
public interface SampleClient extends AutoCloseable {

    /**
     * One request.
     *
     * @param headers name and value pairs, sent in order; a name may repeat
     * @param body {@code null} for none
     * @param readTimeout how long the client may wait for the answer; {@code null} for the library's default
     */
    record Call(String method, URI uri, List<String[]> headers, Body body, Duration readTimeout) {
    }

    /**
     * A request body, read from {@code content} as it is sent; {@code length} is -1 when unknown (chunked). With
     * {@code inMemory} the app hands its library the whole body as bytes, which the library can send again, instead
     * of a stream (libraries that only take bytes always get bytes).
     */
    record Body(long length, Supplier<InputStream> content, boolean inMemory) {

        /** The whole body, for a library that only takes bytes: only small bodies are sent to such a sample. */
        public byte[] bytes() {
            try (InputStream in = content.get()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * What the app saw: the status, the sidecar's {@code x-outrigger-error} header if any, and the body as
     * {@link ReceivedBody#text()} shows it.
     */
    record Reply(int status, String outriggerError, String body) {

        /** Reads a response body to its end without holding more than a small one. */
        public static Reply streamed(int status, String outriggerError, InputStream body) throws IOException {
            ReceivedBody received = new ReceivedBody();
            if (body != null) {
                byte[] buffer = new byte[64 * 1024];
                try (body) {
                    for (int n; (n = body.read(buffer)) != -1; ) {
                        received.add(buffer, 0, n);
                    }
                }
            }
            return new Reply(status, outriggerError, received.text());
        }
    }

    Reply exchange(Call call) throws Exception;
}
