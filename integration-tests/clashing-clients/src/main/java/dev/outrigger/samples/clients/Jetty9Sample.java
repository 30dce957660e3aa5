package dev.outrigger.samples.clients;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Response;
import org.eclipse.jetty.client.util.BytesContentProvider;
import org.eclipse.jetty.client.util.InputStreamContentProvider;
import org.eclipse.jetty.client.util.InputStreamResponseListener;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.util.concurrent.TimeUnit;

/**
 * Jetty's HttpClient 9.4 as an app that also calls https builds it (a bare {@code new HttpClient()} has no TLS),
 * with defaults otherwise, streaming both ways.
 */
final class Jetty9Sample implements SampleClient {
    private final HttpClient client = new HttpClient(new SslContextFactory.Client());

    Jetty9Sample() throws Exception {
        client.start();
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        Request request = client.newRequest(call.uri()).method(call.method());
        call.headers().forEach(header -> request.header(header[0], header[1]));
        if (call.body() != null) {
            if (call.body().length() >= 0) {
                request.header(HttpHeader.CONTENT_LENGTH, String.valueOf(call.body().length()));
            }
            request.content(call.body().inMemory() ? new BytesContentProvider(call.body().bytes())
                    : new InputStreamContentProvider(call.body().content().get()));
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
