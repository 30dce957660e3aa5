package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarRoutes;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpClientImpl;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.net.InetSocketAddress;

/**
 * On entry to Vert.x 4's {@code HttpClientImpl.doRequest(RequestOptions, PromiseInternal)}, where every request
 * (WebClient's too, and each redirect it follows) starts. Vert.x ignores the default ProxySelector, so a plain-HTTP
 * request of a client and request without a proxy or server address of the app's own gets the sidecar as its HTTP
 * proxy, on a copy of the app's options. TLS requests are left alone: Vert.x would tunnel them with CONNECT.
 */
public final class VertxRequestHook extends OnEntry<RequestOptions, HttpClientImpl, Object> {

    @Override
    public RequestOptions enter(RequestOptions request, HttpClientImpl client, Object promise) {
        HttpClientOptions options = client.options();
        Boolean ssl = request.isSsl();
        boolean plain = !(ssl != null ? ssl : options.isSsl());
        if (plain && request.getProxyOptions() == null && options.getProxyOptions() == null
                && request.getServer() == null) {
            String host = request.getHost() != null ? request.getHost() : options.getDefaultHost();
            int port = request.getPort() != null ? request.getPort() : options.getDefaultPort();
            InetSocketAddress sidecar = SidecarRoutes.sidecarFor("http", host, port);
            if (sidecar != null) {
                return new RequestOptions(request).setProxyOptions(new ProxyOptions().setType(ProxyType.HTTP)
                        .setHost(sidecar.getHostString()).setPort(sidecar.getPort()));
            }
        }
        return request;
    }
}
