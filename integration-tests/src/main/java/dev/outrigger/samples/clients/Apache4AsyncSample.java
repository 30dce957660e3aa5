package dev.outrigger.samples.clients;

import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
import org.apache.http.impl.nio.client.HttpAsyncClients;

/** Apache HttpAsyncClient 4.x, as {@code HttpAsyncClients.createDefault()} builds it; it holds responses whole. */
final class Apache4AsyncSample implements SampleClient {
    private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

    Apache4AsyncSample() {
        client.start();
    }

    @Override
    public Reply exchange(Call call) throws Exception {
        return Apache4Sample.reply(client.execute(Apache4Sample.request(call).build(), null).get());
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
