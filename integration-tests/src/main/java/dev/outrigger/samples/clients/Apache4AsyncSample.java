package dev.outrigger.samples.clients;

import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
import org.apache.http.impl.nio.client.HttpAsyncClients;

import java.net.URI;
import java.util.List;

/** Apache HttpAsyncClient 4.x, as {@code HttpAsyncClients.createDefault()} builds it. */
final class Apache4AsyncSample implements SampleClient {
    private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

    Apache4AsyncSample() {
        client.start();
    }

    @Override
    public Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception {
        return Apache4Sample.reply(client.execute(Apache4Sample.request(method, uri, headers, body).build(), null).get());
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
