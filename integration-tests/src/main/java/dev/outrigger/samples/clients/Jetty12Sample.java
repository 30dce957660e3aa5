package dev.outrigger.samples.clients;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

import java.net.URI;
import java.util.List;

/** Jetty's HttpClient 12 with a default {@code new HttpClient()}. */
final class Jetty12Sample implements SampleClient {
    private final HttpClient client = new HttpClient();

    Jetty12Sample() throws Exception {
        client.start();
    }

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception {
        Request request = client.newRequest(uri).method(method)
                .headers(fields -> headers.forEach(header -> fields.add(header[0], header[1])));
        if (body != null) {
            request.body(new BytesRequestContent("application/x-www-form-urlencoded", body));
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
