package dev.outrigger.samples.clients;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Reactor Netty's {@code HttpClient.create()}; this sample holds bodies whole. */
final class ReactorNettySample implements SampleClient {
    private final HttpClient client = HttpClient.create();

    @Override
    public Reply exchange(Call call) {
        HttpClient configured = call.readTimeout() == null ? client : client.responseTimeout(call.readTimeout());
        HttpClient.RequestSender request = configured
                .headers(fields -> call.headers().forEach(header -> fields.add(header[0], header[1])))
                .request(HttpMethod.valueOf(call.method()))
                .uri(call.uri());
        HttpClient.ResponseReceiver<?> sent = call.body() == null ? request
                : request.send(Mono.just(Unpooled.wrappedBuffer(call.body().bytes())));
        return sent.responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                        .map(text -> new Reply(response.status().code(),
                                response.responseHeaders().get("x-outrigger-error"), text)))
                .block();
    }

    @Override
    public void close() {
    }
}
