package dev.outrigger.samples.clients;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.URI;
import java.util.List;

/** Spring's {@code WebClient.create()}, stacked on Reactor Netty. */
final class WebClientSample implements SampleClient {
    private final WebClient client = WebClient.create();

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) {
        WebClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(uri)
                .headers(fields -> headers.forEach(header -> fields.add(header[0], header[1])));
        WebClient.RequestHeadersSpec<?> sent = body == null ? request : request.bodyValue(body);
        return sent.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> new Reply(response.statusCode().value(),
                                response.headers().asHttpHeaders().getFirst("x-outrigger-error"), text)))
                .block();
    }

    @Override
    public void close() {
    }
}
