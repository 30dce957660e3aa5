package dev.outrigger.samples.clients;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** Vert.x 4's {@code WebClient.create(vertx)}, waited on as a blocking caller would; it holds bodies whole. */
final class VertxWebClientSample implements SampleClient {
    private final Vertx vertx = Vertx.vertx();
    private final WebClient client = WebClient.create(vertx);

    @Override
    public Reply exchange(Call call) throws Exception {
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(call.method()), call.uri().toString());
        call.headers().forEach(header -> request.headers().add(header[0], header[1]));
        if (call.readTimeout() != null) {
            request.timeout(call.readTimeout().toMillis());
        }
        HttpResponse<Buffer> response = (call.body() == null ? request.send()
                : request.sendBuffer(Buffer.buffer(call.body().bytes())))
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
