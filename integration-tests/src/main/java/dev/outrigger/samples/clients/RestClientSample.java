package dev.outrigger.samples.clients;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.io.InputStream;

/**
 * Spring's {@code RestClient.create()}, stacked on the first transport it finds: Apache HttpClient 5 here. A call
 * with its own read timeout uses a RestClient built on a request factory with that timeout.
 */
final class RestClientSample implements SampleClient {
    private final RestClient restClient = RestClient.create();

    @Override
    public Reply exchange(Call call) {
        RestClient.RequestBodySpec request = restClient(call).method(HttpMethod.valueOf(call.method())).uri(call.uri())
                .headers(fields -> call.headers().forEach(header -> fields.add(header[0], header[1])));
        if (call.body() != null) {
            if (call.body().length() >= 0) {
                request.contentLength(call.body().length());
            }
            request.body(out -> {
                try (InputStream in = call.body().content().get()) {
                    in.transferTo(out);
                }
            });
        }
        return request.exchange((sent, response) -> RestTemplateSample.reply(response));
    }

    private RestClient restClient(Call call) {
        if (call.readTimeout() == null) {
            return restClient;
        }
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory();
        factory.setReadTimeout(call.readTimeout());
        return RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public void close() {
    }
}
