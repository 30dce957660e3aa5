package dev.outrigger.samples.clients;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

/**
 * Spring's {@code WebClient.create()}, stacked on Reactor Netty, streaming both bodies as data buffers: the request
 * body read from its stream on demand ({@code DataBufferUtils.readInputStream}) or, in memory, given as bytes
 * ({@code bodyValue}), the response's buffers taken in and
 * released as they arrive. A body of known length is sent with its {@code Content-Length}, else chunked.
 */
final class WebClientSample implements SampleClient {
    private static final int CHUNK = 64 * 1024;

    private final WebClient client = WebClient.create();

    @Override
    public Reply exchange(Call call) {
        WebClient.RequestBodySpec request = client.method(HttpMethod.valueOf(call.method())).uri(call.uri())
                .headers(fields -> call.headers().forEach(header -> fields.add(header[0], header[1])));
        if (call.readTimeout() != null) {
            // Spring's way to a per-request read timeout: on the native Reactor Netty request.
            request.httpRequest(nativeRequest -> nativeRequest.<HttpClientRequest>getNativeRequest()
                    .responseTimeout(call.readTimeout()));
        }
        if (call.body() != null && call.body().length() >= 0) {
            request.contentLength(call.body().length());
        }
        WebClient.RequestHeadersSpec<?> sent = call.body() == null ? request
                : call.body().inMemory() ? request.bodyValue(call.body().bytes())
                : request.body(BodyInserters.fromDataBuffers(DataBufferUtils.readInputStream(call.body().content()::get,
                        DefaultDataBufferFactory.sharedInstance, CHUNK)));
        return sent.exchangeToMono(response -> {
            ReceivedBody body = new ReceivedBody();
            return response.bodyToFlux(DataBuffer.class).doOnNext(buffer -> {
                try (DataBuffer.ByteBufferIterator data = buffer.readableByteBuffers()) {
                    data.forEachRemaining(body::add);
                } finally {
                    DataBufferUtils.release(buffer);
                }
            }).then(Mono.fromSupplier(() -> new Reply(response.statusCode().value(),
                    response.headers().asHttpHeaders().getFirst("x-outrigger-error"), body.text())));
        }).block();
    }

    @Override
    public void close() {
    }
}
