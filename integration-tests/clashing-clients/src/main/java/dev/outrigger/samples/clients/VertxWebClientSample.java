package dev.outrigger.samples.clients;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.codec.BodyCodec;

/**
 * Vert.x 4's {@code WebClient.create(vertx)}, waited on as a blocking caller would, streaming both bodies: the request
 * body through {@code sendStream} (or, held in memory, {@code sendBuffer}), the response's through
 * {@code BodyCodec.pipe}. A streamed body of known length is sent with its {@code Content-Length}, else chunked.
 */
final class VertxWebClientSample implements SampleClient {
    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private final WebClient client = WebClient.create(vertx);

    @Override
    public Reply exchange(Call call) throws Exception {
        ReceivingWriteStream body = new ReceivingWriteStream();
        HttpRequest<Void> request = client.requestAbs(HttpMethod.valueOf(call.method()), call.uri().toString())
                .as(BodyCodec.pipe(body));
        call.headers().forEach(header -> request.headers().add(header[0], header[1]));
        if (call.readTimeout() != null) {
            request.timeout(call.readTimeout().toMillis());
        }
        if (call.body() != null && call.body().length() >= 0) {
            request.putHeader("content-length", Long.toString(call.body().length()));
        }
        HttpResponse<Void> response = (call.body() == null ? request.send()
                : call.body().inMemory() ? request.sendBuffer(Buffer.buffer(call.body().bytes()))
                : request.sendStream(new InputStreamReadStream(context, call.body().content().get())))
                .toCompletionStage().toCompletableFuture().get();
        return new Reply(response.statusCode(), response.getHeader("x-outrigger-error"), body.text());
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
