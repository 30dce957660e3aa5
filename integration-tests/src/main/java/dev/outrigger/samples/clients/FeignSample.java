package dev.outrigger.samples.clients;

import feign.Feign;
import feign.HeaderMap;
import feign.RequestLine;
import feign.Response;
import feign.Target;
import feign.okhttp.OkHttpClient;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feign on its OkHttp client: a declared interface whose calls take the target URL as an argument. Feign asks OkHttp,
 * which asks the default ProxySelector, so the call crosses the sidecar once.
 */
final class FeignSample implements SampleClient {

    /** One declared call per method: Feign names the method in the annotation. */
    interface Api {
        @RequestLine("GET")
        Response get(URI uri, @HeaderMap Map<String, Collection<String>> headers);

        @RequestLine("HEAD")
        Response head(URI uri, @HeaderMap Map<String, Collection<String>> headers);

        @RequestLine("OPTIONS")
        Response options(URI uri, @HeaderMap Map<String, Collection<String>> headers);

        @RequestLine("DELETE")
        Response delete(URI uri, @HeaderMap Map<String, Collection<String>> headers);

        @RequestLine("POST")
        Response post(URI uri, @HeaderMap Map<String, Collection<String>> headers, byte[] body);

        @RequestLine("PUT")
        Response put(URI uri, @HeaderMap Map<String, Collection<String>> headers, byte[] body);

        @RequestLine("PATCH")
        Response patch(URI uri, @HeaderMap Map<String, Collection<String>> headers, byte[] body);
    }

    private final okhttp3.OkHttpClient okHttp = new okhttp3.OkHttpClient();
    private final Api api = Feign.builder()
            .client(new OkHttpClient(okHttp))
            .target(Target.EmptyTarget.create(Api.class));

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception {
        Map<String, Collection<String>> fields = new LinkedHashMap<>();
        headers.forEach(header -> fields.computeIfAbsent(header[0], name -> new ArrayList<>()).add(header[1]));
        try (Response response = switch (method) {
            case "GET" -> api.get(uri, fields);
            case "HEAD" -> api.head(uri, fields);
            case "OPTIONS" -> api.options(uri, fields);
            case "DELETE" -> api.delete(uri, fields);
            case "POST" -> api.post(uri, fields, body);
            case "PUT" -> api.put(uri, fields, body);
            case "PATCH" -> api.patch(uri, fields, body);
            default -> throw new IllegalArgumentException("no declared call for " + method);
        }) {
            Collection<String> error = response.headers().get("x-outrigger-error");
            return new Reply(response.status(), error == null || error.isEmpty() ? null : error.iterator().next(),
                    text(response.body()));
        }
    }

    private static String text(Response.Body body) throws Exception {
        if (body == null) {
            return "";
        }
        try (InputStream in = body.asInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
