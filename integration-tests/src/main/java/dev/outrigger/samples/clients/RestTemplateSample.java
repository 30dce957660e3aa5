package dev.outrigger.samples.clients;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Spring's {@code new RestTemplate()}, stacked on {@code HttpURLConnection}; a call with its own read timeout uses
 * a RestTemplate built on a request factory with that timeout, as Spring configures timeouts.
 */
final class RestTemplateSample implements SampleClient {
    private final RestTemplate restTemplate = new RestTemplate();

    @Override
    public Reply exchange(Call call) {
        try {
            return restTemplate(call).execute(call.uri(), HttpMethod.valueOf(call.method()),
                    request -> prepare(request, call), RestTemplateSample::reply);
        } catch (RestClientResponseException error) {
            // RestTemplate reports 4xx and 5xx as exceptions; an app reads them from there.
            return new Reply(error.getStatusCode().value(),
                    error.getResponseHeaders() == null ? null : error.getResponseHeaders().getFirst("x-outrigger-error"),
                    error.getResponseBodyAsString());
        }
    }

    private RestTemplate restTemplate(Call call) {
        if (call.readTimeout() == null) {
            return restTemplate;
        }
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setReadTimeout(call.readTimeout());
        return new RestTemplate(factory);
    }

    private static void prepare(ClientHttpRequest request, Call call) {
        call.headers().forEach(header -> request.getHeaders().add(header[0], header[1]));
        if (call.body() != null) {
            streamBody(request.getHeaders(), (StreamingHttpOutputMessage) request, call.body());
        }
    }

    /** Spring streams a body it is handed as a writer; written to {@code getBody()}, it would be held whole. */
    private static void streamBody(HttpHeaders headers, StreamingHttpOutputMessage request, Body body) {
        if (body.length() >= 0) {
            headers.setContentLength(body.length());
        }
        request.setBody(out -> {
            try (InputStream in = body.content().get()) {
                in.transferTo(out);
            }
        });
    }

    /** What a Spring response says, shared with {@link RestClientSample}. */
    static Reply reply(ClientHttpResponse response) throws IOException {
        List<String> error = response.getHeaders().get("x-outrigger-error");
        return Reply.streamed(response.getStatusCode().value(), error == null ? null : error.get(0), response.getBody());
    }

    @Override
    public void close() {
    }
}
