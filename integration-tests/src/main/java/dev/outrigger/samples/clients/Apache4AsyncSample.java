package dev.outrigger.samples.clients;

import org.apache.http.HttpResponse;
import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
import org.apache.http.impl.nio.client.HttpAsyncClients;
import org.apache.http.nio.IOControl;
import org.apache.http.nio.client.methods.AsyncByteConsumer;
import org.apache.http.nio.client.methods.HttpAsyncMethods;
import org.apache.http.protocol.HttpContext;

import java.nio.ByteBuffer;

/**
 * Apache HttpAsyncClient 4.x, as {@code HttpAsyncClients.createDefault()} builds it, streaming both bodies: the
 * request producer reads the request's stream entity as the connection takes it, a byte consumer reads the response.
 */
final class Apache4AsyncSample implements SampleClient {
    private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

    Apache4AsyncSample() {
        client.start();
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        return client.execute(HttpAsyncMethods.create(Apache4Sample.request(call).build()), new StreamedReply(), null)
                .get();
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    /** The response, its body taken in as it arrives. */
    private static final class StreamedReply extends AsyncByteConsumer<Reply> {
        private final ReceivedBody body = new ReceivedBody();
        private HttpResponse response;

        @Override
        protected void onResponseReceived(HttpResponse response) {
            this.response = response;
        }

        @Override
        protected void onByteReceived(ByteBuffer data, IOControl control) {
            body.add(data);
        }

        @Override
        protected Reply buildResult(HttpContext context) {
            return new Reply(response.getStatusLine().getStatusCode(), Apache4Sample.outriggerError(response),
                    body.text());
        }
    }
}
