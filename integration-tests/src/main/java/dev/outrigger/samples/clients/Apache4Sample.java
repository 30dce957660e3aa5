package dev.outrigger.samples.clients;

import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.impl.client.CloseableHttpClient;

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

    /** The sidecar's error header of an Apache 4 response, shared with {@link Apache4AsyncSample}. */
    static String outriggerError(HttpResponse response) {
        Header error = response.getFirstHeader("x-outrigger-error");
        return error == null ? null : error.getValue();
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        try (CloseableHttpResponse response = client.execute(request(call).build())) {
            return Reply.streamed(response.getStatusLine().getStatusCode(), outriggerError(response),
                    response.getEntity() == null ? null : response.getEntity().getContent());
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
