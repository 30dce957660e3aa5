package dev.outrigger.samples.clients;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClientRequest;

/** Spring's {@code WebClient.create()}, stacked on Reactor Netty; this sample holds bodies whole. */
final class WebClientSample implements SampleClient {
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
        WebClient.RequestHeadersSpec<?> sent = call.body() == null ? request : request.bodyValue(call.body().bytes());
        return sent.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> new Reply(response.statusCode().value(),
                                response.headers().asHttpHeaders().getFirst("x-outrigger-error"), text)))
                .block();
    }

    @Override
    public void close() {
    }
}
