package dev.outrigger.samples.clients;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.List;

/** Spring's {@code RestClient.create()}, stacked on the first transport it finds: Apache HttpClient 5 here. */
final class RestClientSample implements SampleClient {
    private final RestClient restClient = RestClient.create();

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) {
        RestClient.RequestBodySpec request = restClient.method(HttpMethod.valueOf(method)).uri(uri)
                .headers(fields -> headers.forEach(header -> fields.add(header[0], header[1])));
        if (body != null) {
            request.body(body);
        }
        return request.exchange((sent, response) -> RestTemplateSample.reply(response));
    }

    @Override
    public void close() {
    }
}
