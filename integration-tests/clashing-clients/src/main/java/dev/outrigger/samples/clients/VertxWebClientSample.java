package dev.outrigger.samples.clients;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.net.URI;
import java.util.List;

/** Vert.x 4's {@code WebClient.create(vertx)}, waited on as a blocking caller would. */
final class VertxWebClientSample implements SampleClient {
    private final Vertx vertx = Vertx.vertx();
    private final WebClient client = WebClient.create(vertx);

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception {
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(method), uri.toString());
        headers.forEach(header -> request.headers().add(header[0], header[1]));
        HttpResponse<Buffer> response = (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)))
                .toCompletionStage().toCompletableFuture().get();
        String text = response.bodyAsString();
        return new Reply(response.statusCode(), response.getHeader("x-outrigger-error"), text == null ? "" : text);
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
