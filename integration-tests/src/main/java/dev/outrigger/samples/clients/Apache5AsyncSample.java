package dev.outrigger.samples.clients;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.ContentType;

/** Apache HttpClient 5 async, as {@code HttpAsyncClients.createDefault()} builds it; its simple API holds bodies whole. */
final class Apache5AsyncSample implements SampleClient {
    private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

    Apache5AsyncSample() {
        client.start();
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        SimpleRequestBuilder request = SimpleRequestBuilder.create(call.method()).setUri(call.uri());
        call.headers().forEach(header -> request.addHeader(header[0], header[1]));
        if (call.body() != null) {
            request.setBody(call.body().bytes(), ContentType.APPLICATION_FORM_URLENCODED);
        }
        SimpleHttpResponse response = client.execute(request.build(), Apache5Sample.context(call), null).get();
        String text = response.getBodyText();
        return new Reply(response.getCode(), Apache5Sample.outriggerError(response), text == null ? "" : text);
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
