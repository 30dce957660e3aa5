package dev.outrigger.samples.clients;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamRequestContent;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;

import java.util.concurrent.TimeUnit;

/** Jetty's HttpClient 12 with a default {@code new HttpClient()}, streaming both ways. */
final class Jetty12Sample implements SampleClient {
    private final HttpClient client = new HttpClient();

    Jetty12Sample() throws Exception {
        client.start();
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        Request request = client.newRequest(call.uri()).method(call.method())
                .headers(fields -> call.headers().forEach(header -> fields.add(header[0], header[1])));
        if (call.body() != null) {
            if (call.body().length() >= 0) {
                request.headers(fields -> fields.put(HttpHeader.CONTENT_LENGTH, call.body().length()));
            }
            request.body(call.body().inMemory() ? new BytesRequestContent(call.body().bytes())
                    : new InputStreamRequestContent(call.body().content().get()));
        }
        if (call.readTimeout() != null) {
            request.idleTimeout(call.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response = listener.get(5, TimeUnit.MINUTES);
        return Reply.streamed(response.getStatus(), response.getHeaders().get("x-outrigger-error"),
                listener.getInputStream());
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
