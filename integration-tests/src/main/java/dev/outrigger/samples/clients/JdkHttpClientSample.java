package dev.outrigger.samples.clients;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/** The JDK's {@code HttpClient}, calling {@code send}, or {@code sendAsync} and waiting. */
final class JdkHttpClientSample implements SampleClient {
    private final HttpClient client;
    private final boolean async;

    JdkHttpClientSample(HttpClient client, boolean async) {
        this.client = client;
        this.async = async;
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).method(call.method(), publisher(call.body()));
        call.headers().forEach(header -> request.header(header[0], header[1]));
        if (call.readTimeout() != null) {
            request.timeout(call.readTimeout());
        }
        HttpResponse<InputStream> response = async
                ? client.sendAsync(request.build(), BodyHandlers.ofInputStream()).get()
                : client.send(request.build(), BodyHandlers.ofInputStream());
        return Reply.streamed(response.statusCode(), response.headers().firstValue("x-outrigger-error").orElse(null),
                response.body());
    }

    private static BodyPublisher publisher(Body body) {
        if (body == null) {
            return BodyPublishers.noBody();
        }
        BodyPublisher stream = BodyPublishers.ofInputStream(body.content());
        return body.length() < 0 ? stream : BodyPublishers.fromPublisher(stream, body.length());
    }

    @Override
    public void close() {
        // The JDK client's threads are daemons; it closes itself once unreachable (close() is JDK 21 and later).
    }
}
