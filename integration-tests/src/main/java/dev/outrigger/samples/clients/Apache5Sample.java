package dev.outrigger.samples.clients;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5 classic, as {@code HttpClients.createDefault()} or {@code createSystem()} builds it. */
final class Apache5Sample implements SampleClient {
    private final CloseableHttpClient client;

    Apache5Sample(CloseableHttpClient client) {
        this.client = client;
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(call.method()).setUri(call.uri());
        call.headers().forEach(header -> request.addHeader(header[0], header[1]));
        if (call.body() != null) {
            request.setEntity(call.body().inMemory()
                    ? new ByteArrayEntity(call.body().bytes(), ContentType.APPLICATION_OCTET_STREAM)
                    : new InputStreamEntity(call.body().content().get(), call.body().length(),
                            ContentType.APPLICATION_OCTET_STREAM));
        }
        return client.execute(request.build(), context(call), response -> Reply.streamed(response.getCode(),
                outriggerError(response), response.getEntity() == null ? null : response.getEntity().getContent()));
    }

    /** The call's own response timeout, if any, the way Apache 5 takes it per request; shared with the async one. */
    static HttpClientContext context(Call call) {
        HttpClientContext context = HttpClientContext.create();
        if (call.readTimeout() != null) {
            context.setRequestConfig(RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofMilliseconds(call.readTimeout().toMillis())).build());
        }
        return context;
    }

    static String outriggerError(HttpMessage response) {
        Header error = response.getFirstHeader("x-outrigger-error");
        return error == null ? null : error.getValue();
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
