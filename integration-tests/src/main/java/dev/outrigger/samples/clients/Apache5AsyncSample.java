package dev.outrigger.samples.clients;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.StreamChannel;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Apache HttpClient 5 async, as {@code HttpAsyncClients.createDefault()} builds it, streaming both bodies through its
 * non-blocking API: an entity producer that sends what the connection can take (or, for a body the call holds in
 * memory, the library's own producer of bytes, which can be sent again), a consumer that reads as data comes.
 */
final class Apache5AsyncSample implements SampleClient {
    private static final int CHUNK = 64 * 1024;

    private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

    Apache5AsyncSample() {
        client.start();
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        AsyncRequestBuilder request = AsyncRequestBuilder.create(call.method()).setUri(call.uri());
        call.headers().forEach(header -> request.addHeader(header[0], header[1]));
        if (call.body() != null) {
            request.setEntity(call.body().inMemory()
                    ? AsyncEntityProducers.create(call.body().bytes(), ContentType.APPLICATION_OCTET_STREAM)
                    : new StreamedEntity(call.body()));
        }
        return client.execute(request.build(), new StreamedReply(), Apache5Sample.context(call), null).get();
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    /** A request body read from its stream a chunk at a time, whenever the connection can take more. */
    private static final class StreamedEntity extends AbstractBinAsyncEntityProducer {
        private final long length;
        private final InputStream content;
        private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK).flip();

        StreamedEntity(Body body) {
            super(CHUNK, ContentType.APPLICATION_OCTET_STREAM);
            this.length = body.length();
            this.content = body.content().get();
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        protected int availableData() {
            return Integer.MAX_VALUE;
        }

        @Override
        protected void produceData(StreamChannel<ByteBuffer> channel) throws IOException {
            while (true) {
                if (!chunk.hasRemaining()) {
                    int n = content.read(chunk.array());
                    if (n < 0) {
                        channel.endStream();
                        return;
                    }
                    chunk.clear().limit(n);
                }
                channel.write(chunk);
                if (chunk.hasRemaining()) {
                    return; // the connection is full: produceData runs again when it drains
                }
            }
        }

        @Override
        public void failed(Exception cause) {
            releaseResources();
        }

        @Override
        public void releaseResources() {
            super.releaseResources();
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The response, its body taken in as it arrives. */
    private static final class StreamedReply extends AbstractBinResponseConsumer<Reply> {
        private final ReceivedBody body = new ReceivedBody();
        private int status;
        private String outriggerError;

        @Override
        protected void start(HttpResponse response, ContentType contentType) {
            status = response.getCode();
            outriggerError = Apache5Sample.outriggerError(response);
        }

        @Override
        protected int capacityIncrement() {
            return CHUNK;
        }

        @Override
        protected void data(ByteBuffer data, boolean endOfStream) {
            body.add(data);
        }

        @Override
        protected Reply buildResult() {
            return new Reply(status, outriggerError, body.text());
        }

        @Override
        public void releaseResources() {
        }
    }
}
