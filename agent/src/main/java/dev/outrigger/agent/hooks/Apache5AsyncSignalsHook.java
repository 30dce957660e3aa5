package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.util.Map;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.util.Timeout;

/**
 * On entry of Apache HttpClient 5's async {@code HttpAsyncMainClientExec.execute(request, entityProducer, scope,
 * ...)}, the last step before a request (or its retry, or a redirect's next request) is sent, passed the body's
 * producer and the scope instead of {@code this}: when the route goes through the sidecar, the request gets the
 * call's signals. Its timeout is the response timeout; its body can be sent again when its producer is repeatable.
 */
public final class Apache5AsyncSignalsHook extends OnEntry<HttpRequest, AsyncEntityProducer, AsyncExecChain.Scope> {

    @Override
    public HttpRequest enter(HttpRequest request, AsyncEntityProducer body, AsyncExecChain.Scope scope) {
        HttpHost proxy = scope.route.getProxyHost();
        if (proxy != null) {
            RequestConfig config = scope.clientContext.getRequestConfig();
            Timeout timeout = config == null ? null : config.getResponseTimeout();
            Map<String, String> headers = SidecarRoutes.signalsViaProxy(proxy.getHostName(), proxy.getPort(),
                    timeout == null ? 0 : timeout.toMilliseconds(), body == null || body.isRepeatable());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                request.setHeader(header.getKey(), header.getValue());
            }
        }
        return request;
    }
}
