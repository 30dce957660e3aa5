package dev.outrigger.samples.clients;

import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.impl.client.CloseableHttpClient;

import java.io.IOException;

/** Apache HttpClient 4.x classic, as {@code HttpClients.createDefault()} or {@code createSystem()} builds it. */
final class Apache4Sample implements SampleClient {
    private final CloseableHttpClient client;

    Apache4Sample(CloseableHttpClient client) {
        this.client = client;
    }

    /** Apache 4's request builder, shared with {@link Apache4AsyncSample}. */
    static RequestBuilder request(Call call) {
        RequestBuilder request = RequestBuilder.create(call.method()).setUri(call.uri());
        call.headers().forEach(header -> request.addHeader(header[0], header[1]));
        if (call.body() != null) {
            request.setEntity(call.body().inMemory() ? new ByteArrayEntity(call.body().bytes())
                    : new InputStreamEntity(call.body().content().get(), call.body().length()));
        }
        if (call.readTimeout() != null) {
            request.setConfig(RequestConfig.custom().setSocketTimeout((int) call.readTimeout().toMillis()).build());
        }
        return request;
    }

    /** What an Apache 4 response says, shared with {@link Apache4AsyncSample}. */
    static Reply reply(org.apache.http.HttpResponse response) throws IOException {
        Header error = response.getFirstHeader("x-outrigger-error");
        return Reply.streamed(response.getStatusLine().getStatusCode(), error == null ? null : error.getValue(),
                response.getEntity() == null ? null : response.getEntity().getContent());
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        try (CloseableHttpResponse response = client.execute(request(call).build())) {
            return reply(response);
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
