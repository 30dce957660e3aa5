package dev.outrigger.samples.clients;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.net.URI;
import java.util.List;

/** Apache HttpClient 5 classic, as {@code HttpClients.createDefault()} or {@code createSystem()} builds it. */
final class Apache5Sample implements SampleClient {
    private final CloseableHttpClient client;

    Apache5Sample(CloseableHttpClient client) {
        this.client = client;
    }

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(uri);
        headers.forEach(header -> request.addHeader(header[0], header[1]));
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_FORM_URLENCODED));
        }
        return client.execute(request.build(), response -> {
            Header error = response.getFirstHeader("x-outrigger-error");
            return new Reply(response.getCode(), error == null ? null : error.getValue(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity()));
        });
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
