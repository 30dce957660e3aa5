package dev.outrigger.samples.clients;

import org.apache.http.Header;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

import java.net.URI;
import java.util.List;

/** Apache HttpClient 4.x classic, as {@code HttpClients.createDefault()} or {@code createSystem()} builds it. */
final class Apache4Sample implements SampleClient {
    private final CloseableHttpClient client;

    Apache4Sample(CloseableHttpClient client) {
        this.client = client;
    }

    /** Apache 4's request builder, shared with {@link Apache4AsyncSample}. */
    static RequestBuilder request(String method, URI uri, List<String[]> headers, byte[] body) {
        RequestBuilder request = RequestBuilder.create(method).setUri(uri);
        headers.forEach(header -> request.addHeader(header[0], header[1]));
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_FORM_URLENCODED));
        }
        return request;
    }

    /** What an Apache 4 response says, shared with {@link Apache4AsyncSample}. */
    static Reply reply(org.apache.http.HttpResponse response) throws Exception {
        Header error = response.getFirstHeader("x-outrigger-error");
        return new Reply(response.getStatusLine().getStatusCode(), error == null ? null : error.getValue(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity()));
    }

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception {
        try (CloseableHttpResponse response = client.execute(request(method, uri, headers, body).build())) {
            return reply(response);
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
