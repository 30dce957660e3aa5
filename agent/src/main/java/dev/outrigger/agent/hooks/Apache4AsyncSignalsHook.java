package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.util.Map;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.Configurable;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.conn.routing.HttpRoute;

/**
 * On entry of Apache HttpAsyncClient 4's {@code MainClientExec.rewriteRequestURI(request, route)}, which prepares
 * each request and each redirect's next request just after its route is planned (its exec classes are not public:
 * this private method is the one that is handed both as public types): when the route goes through the sidecar,
 * the request gets the call's signals. Its timeout is the socket timeout of the request's own config (a request
 * without one says none: the client's default config is not in reach here); its body can be sent again when its
 * entity is repeatable, which for the library's own producers is what their {@code isRepeatable()} answers.
 */
public final class Apache4AsyncSignalsHook extends OnEntry<HttpRequestWrapper, Object, HttpRoute> {

    @Override
    public HttpRequestWrapper enter(HttpRequestWrapper request, Object exec, HttpRoute route) {
        HttpHost proxy = route.getProxyHost();
        if (proxy != null) {
            RequestConfig config = request.getOriginal() instanceof Configurable configurable
                    ? configurable.getConfig() : null;
            HttpEntity entity = request instanceof HttpEntityEnclosingRequest enclosing ? enclosing.getEntity() : null;
            Map<String, String> headers = SidecarRoutes.signalsViaProxy(proxy.getHostName(), proxy.getPort(),
                    config == null ? 0 : config.getSocketTimeout(), entity == null || entity.isRepeatable());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                request.setHeader(header.getKey(), header.getValue());
            }
        }
        return request;
    }
}
