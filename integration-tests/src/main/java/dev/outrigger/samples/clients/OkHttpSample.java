package dev.outrigger.samples.clients;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * OkHttp with a default {@code new OkHttpClient()}. It uses only the API OkHttp 3, 4 and 5 share, so the same class
 * runs on each of them.
 */
final class OkHttpSample implements SampleClient {
    private final OkHttpClient client = new OkHttpClient();

    @Override
    public Reply exchange(Call call) throws Exception {
        Request.Builder request = new Request.Builder().url(call.uri().toURL())
                .method(call.method(), body(call.body()));
        call.headers().forEach(header -> request.addHeader(header[0], header[1]));
        OkHttpClient caller = call.readTimeout() == null ? client
                : client.newBuilder().readTimeout(call.readTimeout().toMillis(), TimeUnit.MILLISECONDS).build();
        try (Response response = caller.newCall(request.build()).execute()) {
            return Reply.streamed(response.code(), response.header("x-outrigger-error"),
                    response.body() == null ? null : response.body().byteStream());
        }
    }

    private static RequestBody body(Body body) {
        if (body == null) {
            return null;
        }
        // The one bytes factory OkHttp 3, 4 and 5 all have (deprecated in 4 and 5, for a Kotlin extension).
        return body.inMemory() ? RequestBody.create((MediaType) null, body.bytes()) : new StreamedBody(body);
    }

    /** A request body OkHttp pulls from the stream as it writes: fixed-length, or chunked when the length is -1. */
    private static final class StreamedBody extends RequestBody {
        private final Body body;

        StreamedBody(Body body) {
            this.body = body;
        }

        @Override
        public MediaType contentType() {
            return null;
        }

        @Override
        public long contentLength() {
            return body.length();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (InputStream in = body.content().get()) {
                in.transferTo(sink.outputStream());
            }
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
