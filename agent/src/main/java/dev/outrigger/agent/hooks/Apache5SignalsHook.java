package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.util.Map;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * On entry of Apache HttpClient 5's classic {@code MainClientExec.execute}, the last step before a request (or its
 * retry, or a redirect's next request) is written: when its route goes through the sidecar, the request gets the
 * call's signals. Its timeout is the response timeout; its body can be sent again when its entity is repeatable.
 */
public final class Apache5SignalsHook extends OnEntry<ClassicHttpRequest, Object, ExecChain.Scope> {

    @Override
    public ClassicHttpRequest enter(ClassicHttpRequest request, Object exec, ExecChain.Scope scope) {
        HttpHost proxy = scope.route.getProxyHost();
        if (proxy != null) {
            RequestConfig config = scope.clientContext.getRequestConfig();
            Timeout timeout = config == null ? null : config.getResponseTimeout();
            HttpEntity entity = request.getEntity();
            Map<String, String> headers = SidecarRoutes.signalsViaProxy(proxy.getHostName(), proxy.getPort(),
                    timeout == null ? 0 : timeout.toMilliseconds(), entity == null || entity.isRepeatable());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                request.setHeader(header.getKey(), header.getValue());
            }
        }
        return request;
    }
}
