package dev.outrigger.agent.advice;

import dev.outrigger.bootstrap.SidecarRoutes;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.net.InetSocketAddress;
import net.bytebuddy.asm.Advice;

/**
 * On entry to Vert.x 4's {@code HttpClientImpl.doRequest(RequestOptions, PromiseInternal)}, where every request
 * (WebClient's too, and each redirect it follows) starts. Vert.x ignores the default ProxySelector, so a plain-HTTP
 * request of a client and request without a proxy of the app's own gets the sidecar as its HTTP proxy, on a copy of
 * the app's options. TLS requests are left alone: Vert.x would tunnel them through the proxy with CONNECT.
 */
public final class VertxRequestAdvice {

    private VertxRequestAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void toSidecar(@Advice.FieldValue("options") HttpClientOptions client,
                          @Advice.Argument(value = 0, readOnly = false) RequestOptions request) {
        Boolean ssl = request.isSsl();
        boolean plain = !(ssl != null ? ssl : client.isSsl());
        if (plain && request.getProxyOptions() == null && client.getProxyOptions() == null
                && request.getServer() == null) {
            String host = request.getHost() != null ? request.getHost() : client.getDefaultHost();
            int port = request.getPort() != null ? request.getPort() : client.getDefaultPort();
            InetSocketAddress sidecar = SidecarRoutes.sidecarFor("http", host, port);
            if (sidecar != null) {
                request = new RequestOptions(request).setProxyOptions(new ProxyOptions().setType(ProxyType.HTTP)
                        .setHost(sidecar.getHostString()).setPort(sidecar.getPort()));
            }
        }
    }
}
