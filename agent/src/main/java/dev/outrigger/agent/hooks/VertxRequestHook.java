package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.CallSignals;
import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarRoutes;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpClientImpl;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * On entry to Vert.x 4's {@code HttpClientImpl.doRequest(RequestOptions, PromiseInternal)}, where every request
 * (WebClient's too, and each redirect it follows) starts. Vert.x ignores the default ProxySelector, so a request of a
 * client and request without proxy settings or a server address of the app's own gets the sidecar as its HTTP proxy,
 * on a copy of the app's options: a plain-HTTP request when the sidecar routes it, and an https request to a host in
 * {@code https-hosts} too, made plain ({@code ssl=false}) with its absolute {@code https://} URI, which Vert.x then
 * writes as is ({@code GET https://host/x}, no CONNECT) for the sidecar to originate the TLS. A redirect passes here
 * again, so an https {@code Location} goes to the sidecar the same way and an http one as any plain call. Requests
 * handed over carry the call's timeout ({@link CallSignals}, with {@code signals=on}); whether their body can be sent
 * again is only known once it is written ({@link VertxRequestHeadHook}).
 */
public final class VertxRequestHook extends OnEntry<RequestOptions, HttpClientImpl, Object> {
    @Override
    public RequestOptions enter(RequestOptions request, HttpClientImpl client, Object promise) {
        RequestOptions sent = withoutEarlierSignals(request);
        HttpClientOptions options = client.options();
        List<String> nonProxyHosts = options.getNonProxyHosts();
        if (request.getProxyOptions() != null || options.getProxyOptions() != null || request.getServer() != null
                || nonProxyHosts != null && !nonProxyHosts.isEmpty()) {
            return sent;
        }
        String host = request.getHost() != null ? request.getHost() : options.getDefaultHost();
        int port = request.getPort() != null ? request.getPort() : options.getDefaultPort();
        Boolean ssl = request.isSsl();
        boolean https = ssl != null ? ssl : options.isSsl();
        String uri = request.getURI().isEmpty() ? "/" : request.getURI();
        InetSocketAddress sidecar = !https ? SidecarRoutes.sidecarFor("http", host, port)
                : uri.startsWith("/") ? SidecarRoutes.plaintextSidecarForHttps(host, port) : null;
        if (sidecar == null) {
            return sent;
        }
        RequestOptions viaSidecar = (sent == request ? new RequestOptions(request) : sent).setProxyOptions(
                new ProxyOptions().setType(ProxyType.HTTP).setHost(sidecar.getHostString()).setPort(sidecar.getPort()));
        if (https) {
            viaSidecar.setSsl(false).setURI("https://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                    + (port == 443 ? "" : ":" + port) + uri);
        }
        SidecarRoutes.signalsViaProxy(sidecar.getHostString(), sidecar.getPort(), timeoutMillis(options, request),
                false).forEach(viaSidecar::putHeader);
        return viaSidecar;
    }

    /** Without the signals of the request it follows: Vert.x copies a request's headers to its redirect. */
    private static RequestOptions withoutEarlierSignals(RequestOptions request) {
        MultiMap headers = request.getHeaders();
        if (headers == null || !headers.contains(CallSignals.TIMEOUT) && !headers.contains(CallSignals.CALLER)) {
            return request;
        }
        return new RequestOptions(request).removeHeader(CallSignals.TIMEOUT).removeHeader(CallSignals.CALLER);
    }

    /**
     * The time Vert.x gives the answer to start: the request's idle timeout, else its timeout (both "no data for
     * this long"), else the client's idle timeout, which closes a connection that waits that long.
     */
    private static long timeoutMillis(HttpClientOptions options, RequestOptions request) {
        long requestOwn = request.getIdleTimeout() >= 0 ? request.getIdleTimeout() : request.getTimeout();
        return requestOwn > 0 ? requestOwn : options.getIdleTimeoutUnit().toMillis(options.getIdleTimeout());
    }
}
