package dev.outrigger.samples.clients;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reactor Netty's {@code HttpClient.create()}, streaming both bodies: the request body is a flux of chunks read on
 * demand (or, in memory, one buffer), and the response's chunks are taken in as they arrive. A body of known length
 * is sent with its {@code Content-Length}, else chunked.
 */
final class ReactorNettySample implements SampleClient {
    private static final int CHUNK = 64 * 1024;

    private final HttpClient client = HttpClient.create();

    @Override
    public Reply exchange(Call call) {
        HttpClient configured = call.readTimeout() == null ? client : client.responseTimeout(call.readTimeout());
        HttpClient.RequestSender request = configured
                .headers(fields -> {
                    call.headers().forEach(header -> fields.add(header[0], header[1]));
                    if (call.body() != null && call.body().length() >= 0) {
                        fields.set(HttpHeaderNames.CONTENT_LENGTH, call.body().length());
                    }
                })
                .request(HttpMethod.valueOf(call.method()))
                .uri(call.uri());
        HttpClient.ResponseReceiver<?> sent = call.body() == null ? request : request.send(body(call.body()));
        return sent.response((response, content) -> {
            ReceivedBody body = new ReceivedBody();
            return content.asByteBuffer().doOnNext(body::add).then(Mono.fromSupplier(() -> new Reply(
                    response.status().code(), response.responseHeaders().get("x-outrigger-error"), body.text())));
        }).single().block();
    }

    /** The body as bytes already in memory ({@code Mono.just}), or its stream read a chunk at a time. */
    private static Publisher<ByteBuf> body(Body body) {
        return body.inMemory() ? Mono.just(Unpooled.wrappedBuffer(body.bytes())) : chunks(body);
    }

    /** The body's stream, read a chunk at a time as the connection asks for more. */
    private static Flux<ByteBuf> chunks(Body body) {
        return Flux.<ByteBuf, InputStream>generate(body.content()::get, (in, sink) -> {
            try {
                byte[] chunk = new byte[CHUNK];
                int n = in.read(chunk);
                if (n < 0) {
                    sink.complete();
                } else {
                    sink.next(Unpooled.wrappedBuffer(chunk, 0, n));
                }
            } catch (IOException e) {
                sink.error(e);
            }
            return in;
        }, ReactorNettySample::close);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
    }
}
