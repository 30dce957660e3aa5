package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.util.Map;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpDestination;
import org.eclipse.jetty.client.HttpRequest;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyConfiguration;
import org.eclipse.jetty.client.api.ContentProvider;

/**
 * On entry of Jetty 9.4's {@code HttpDestination.send(HttpRequest, List)}, which each request (and each redirect's
 * next request) passes once, before it is queued, when its destination goes through a proxy:
 * <ul>
 *   <li>an https request to an opted-in host whose proxy is the sidecar gets an absolute-form path
 *       ({@code GET https://host/x}), which Jetty 9.4 writes for plain http only, so the sidecar knows to originate
 *       TLS (its connection is plaintext: Jetty94HttpsNoTunnelHook);</li>
 *   <li>with {@code signals=on}, a request through the sidecar gets the call's signals. Its timeout is the request's
 *       total timeout, else its idle timeout, else the client's; its body can be sent again when its content
 *       provider says it is reproducible (9.4's default is no).</li>
 * </ul>
 */
public final class Jetty94SendHook extends OnEntry<HttpRequest, HttpDestination, Object> {

    @Override
    public HttpRequest enter(HttpRequest request, HttpDestination destination, Object listeners) {
        ProxyConfiguration.Proxy proxy = destination.getProxy();
        if (proxy != null) {
            Origin.Address address = proxy.getAddress();
            if (destination.isSecure() && SidecarRoutes.isPlaintextSidecarForHttps(address.getHost(),
                    address.getPort(), destination.getHost(), destination.getPort())) {
                request.path(request.getURI().toString());
            }
            ContentProvider body = request.getContent();
            Map<String, String> headers = SidecarRoutes.signalsViaProxy(address.getHost(), address.getPort(),
                    timeoutMillis(destination.getHttpClient(), request), body == null || body.isReproducible());
            for (Map.Entry<String, String> header : headers.entrySet()) { // put: a redirect copies the last headers
                request.getHeaders().put(header.getKey(), header.getValue());
            }
        }
        return request;
    }

    private static long timeoutMillis(HttpClient client, HttpRequest request) {
        if (request.getTimeout() > 0) {
            return request.getTimeout();
        }
        return request.getIdleTimeout() > 0 ? request.getIdleTimeout() : client.getIdleTimeout();
    }
}
