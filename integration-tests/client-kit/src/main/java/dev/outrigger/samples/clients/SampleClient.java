package dev.outrigger.samples.clients;

import java.net.URI;
import java.util.List;

/** One HTTP client library, used the way its documentation shows. */
public interface SampleClient extends AutoCloseable {

    /** What the app saw: the status, the sidecar's {@code x-outrigger-error} header if any, and the body. */
    record Reply(int status, String outriggerError, String body) {
    }

    /**
     * @param headers name and value pairs, sent in order; a name may repeat
     * @param body {@code null} for none
     */
    Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception;
}
