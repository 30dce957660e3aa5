package dev.outrigger.samples.clients;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.net.URI;
import java.util.List;

/**
 * OkHttp with a default {@code new OkHttpClient()}. It uses only the API OkHttp 3, 4 and 5 share, so the same class
 * runs on each of them.
 */
final class OkHttpSample implements SampleClient {
    private final OkHttpClient client = new OkHttpClient();

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception {
        Request.Builder request = new Request.Builder().url(uri.toURL())
                .method(method, body == null ? null : RequestBody.create(null, body));
        headers.forEach(header -> request.addHeader(header[0], header[1]));
        try (Response response = client.newCall(request.build()).execute()) {
            ResponseBody responseBody = response.body();
            return new Reply(response.code(), response.header("x-outrigger-error"),
                    responseBody == null ? "" : responseBody.string());
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
