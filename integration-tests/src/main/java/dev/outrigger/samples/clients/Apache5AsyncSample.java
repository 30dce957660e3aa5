package dev.outrigger.samples.clients;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;

import java.net.URI;
import java.util.List;

/** Apache HttpClient 5 async, as {@code HttpAsyncClients.createDefault()} builds it. */
final class Apache5AsyncSample implements SampleClient {
    private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

    Apache5AsyncSample() {
        client.start();
    }

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception {
        SimpleRequestBuilder request = SimpleRequestBuilder.create(method).setUri(uri);
        headers.forEach(header -> request.addHeader(header[0], header[1]));
        if (body != null) {
            request.setBody(body, ContentType.APPLICATION_FORM_URLENCODED);
        }
        SimpleHttpResponse response = client.execute(request.build(), null).get();
        Header error = response.getFirstHeader("x-outrigger-error");
        String text = response.getBodyText();
        return new Reply(response.getCode(), error == null ? null : error.getValue(), text == null ? "" : text);
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
