package dev.outrigger.samples.clients;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Spring's {@code new RestTemplate()}, stacked on {@code HttpURLConnection}. */
final class RestTemplateSample implements SampleClient {
    private final RestTemplate restTemplate = new RestTemplate();

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) {
        try {
            return restTemplate.execute(uri, HttpMethod.valueOf(method), request -> {
                headers.forEach(header -> request.getHeaders().add(header[0], header[1]));
                if (body != null) {
                    request.getBody().write(body);
                }
            }, RestTemplateSample::reply);
        } catch (RestClientResponseException error) {
            // RestTemplate reports 4xx and 5xx as exceptions; an app reads them from there.
            return new Reply(error.getStatusCode().value(),
                    error.getResponseHeaders() == null ? null : error.getResponseHeaders().getFirst("x-outrigger-error"),
                    error.getResponseBodyAsString());
        }
    }

    /** What a Spring response says, shared with {@link RestClientSample}. */
    static Reply reply(ClientHttpResponse response) throws IOException {
        return new Reply(response.getStatusCode().value(), response.getHeaders().getFirst("x-outrigger-error"),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
}
