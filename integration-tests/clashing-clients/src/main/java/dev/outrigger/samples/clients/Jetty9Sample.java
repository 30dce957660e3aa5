package dev.outrigger.samples.clients;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.BytesContentProvider;

import java.net.URI;
import java.util.List;

/** Jetty's HttpClient 9.4 with a default {@code new HttpClient()}. */
final class Jetty9Sample implements SampleClient {
    private final HttpClient client = new HttpClient();

    Jetty9Sample() throws Exception {
        client.start();
    }

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception {
        Request request = client.newRequest(uri).method(method);
        headers.forEach(header -> request.header(header[0], header[1]));
        if (body != null) {
            request.content(new BytesContentProvider("application/x-www-form-urlencoded", body));
        }
        ContentResponse response = request.send();
        return new Reply(response.getStatus(), response.getHeaders().get("x-outrigger-error"),
                response.getContentAsString());
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
