package dev.outrigger.samples.clients;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.util.List;

/** Reactor Netty's {@code HttpClient.create()}. */
final class ReactorNettySample implements SampleClient {
    private final HttpClient client = HttpClient.create();

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) {
        HttpClient.RequestSender request = client
                .headers(fields -> headers.forEach(header -> fields.add(header[0], header[1])))
                .request(HttpMethod.valueOf(method))
                .uri(uri);
        HttpClient.ResponseReceiver<?> sent = body == null ? request : request.send(Mono.just(Unpooled.wrappedBuffer(body)));
        return sent.responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                        .map(text -> new Reply(response.status().code(),
                                response.responseHeaders().get("x-outrigger-error"), text)))
                .block();
    }

    @Override
    public void close() {
    }
}
