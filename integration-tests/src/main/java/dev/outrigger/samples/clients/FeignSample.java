package dev.outrigger.samples.clients;

import feign.Feign;
import feign.HeaderMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Retryer;
import feign.Target;
import feign.okhttp.OkHttpClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Feign on its OkHttp client: a declared interface whose calls take the target URL and the options (timeouts) as
 * arguments. Feign asks OkHttp, which asks the default ProxySelector, so the call crosses the sidecar once. Feign
 * holds a request body as bytes, so only small ones are sent with it. Like many apps, this one turns off Feign's
 * default retries (five tries on any I/O error), so a timed-out call is made once.
 */
final class FeignSample implements SampleClient {

    /** One declared call per method: Feign names the method in the annotation. */
    interface Api {
        @RequestLine("GET")
        Response get(URI uri, Request.Options options, @HeaderMap Map<String, Collection<String>> headers);

        @RequestLine("HEAD")
        Response head(URI uri, Request.Options options, @HeaderMap Map<String, Collection<String>> headers);

        @RequestLine("OPTIONS")
        Response options(URI uri, Request.Options options, @HeaderMap Map<String, Collection<String>> headers);

        @RequestLine("DELETE")
        Response delete(URI uri, Request.Options options, @HeaderMap Map<String, Collection<String>> headers);

        @RequestLine("POST")
        Response post(URI uri, Request.Options options, @HeaderMap Map<String, Collection<String>> headers,
                      byte[] body);

        @RequestLine("PUT")
        Response put(URI uri, Request.Options options, @HeaderMap Map<String, Collection<String>> headers,
                     byte[] body);

        @RequestLine("PATCH")
        Response patch(URI uri, Request.Options options, @HeaderMap Map<String, Collection<String>> headers,
                       byte[] body);
    }

    private static final Request.Options DEFAULTS = new Request.Options();

    private final okhttp3.OkHttpClient okHttp = new okhttp3.OkHttpClient();
    private final Api api = Feign.builder()
            .client(new OkHttpClient(okHttp))
            .retryer(Retryer.NEVER_RETRY)
            .target(Target.EmptyTarget.create(Api.class));

    @Override
    public Reply exchange(Call call) throws Exception {
        URI uri = call.uri();
        Map<String, Collection<String>> fields = new LinkedHashMap<>();
        call.headers().forEach(header -> fields.computeIfAbsent(header[0], name -> new ArrayList<>()).add(header[1]));
        Request.Options options = call.readTimeout() == null ? DEFAULTS
                : new Request.Options(DEFAULTS.connectTimeoutMillis(), TimeUnit.MILLISECONDS,
                        call.readTimeout().toMillis(), TimeUnit.MILLISECONDS, true);
        byte[] body = call.body() == null ? null : call.body().bytes();
        try (Response response = switch (call.method()) {
            case "GET" -> api.get(uri, options, fields);
            case "HEAD" -> api.head(uri, options, fields);
            case "OPTIONS" -> api.options(uri, options, fields);
            case "DELETE" -> api.delete(uri, options, fields);
            case "POST" -> api.post(uri, options, fields, body);
            case "PUT" -> api.put(uri, options, fields, body);
            case "PATCH" -> api.patch(uri, options, fields, body);
            default -> throw new IllegalArgumentException("no declared call for " + call.method());
        }) {
            Collection<String> error = response.headers().get("x-outrigger-error");
            return Reply.streamed(response.status(), error == null || error.isEmpty() ? null : error.iterator().next(),
                    response.body() == null ? null : response.body().asInputStream());
        }
    }

    @Override
    public void close() {
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
