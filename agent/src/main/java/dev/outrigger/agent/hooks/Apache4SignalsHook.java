package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.util.Map;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.conn.routing.HttpRoute;

/**
 * On entry of Apache HttpClient 4's classic {@code MainClientExec.execute(route, request, context, ...)}, the last
 * step before a request (or its retry, or a redirect's next request) is written, passed the request and the context
 * instead of {@code this}: when the route goes through the sidecar, the request gets the call's signals. Its timeout
 * is the socket timeout of the request's config (the client's default config when it has none); its body can be
 * sent again when its entity is repeatable.
 */
public final class Apache4SignalsHook extends OnEntry<HttpRoute, HttpRequestWrapper, HttpClientContext> {

    @Override
    public HttpRoute enter(HttpRoute route, HttpRequestWrapper request, HttpClientContext context) {
        HttpHost proxy = route.getProxyHost();
        if (proxy != null) {
            HttpEntity entity = request instanceof HttpEntityEnclosingRequest enclosing ? enclosing.getEntity() : null;
            Map<String, String> headers = SidecarRoutes.signalsViaProxy(proxy.getHostName(), proxy.getPort(),
                    context.getRequestConfig().getSocketTimeout(), entity == null || entity.isRepeatable());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                request.setHeader(header.getKey(), header.getValue());
            }
        }
        return route;
    }
}
