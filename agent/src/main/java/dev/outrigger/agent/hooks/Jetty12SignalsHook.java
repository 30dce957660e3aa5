package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.util.Map;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyConfiguration;
import org.eclipse.jetty.client.Request;

/**
 * On exit of Jetty 12's {@code HttpClient.resolveDestination(Request)}, which each request (and each redirect's next
 * request) passes just before it is queued: when its destination goes through the sidecar, the request gets the
 * call's signals. Its timeout is the request's total timeout, else its idle timeout, else the client's; its body can
 * be sent again when its content can rewind, the test Jetty itself makes before it sends a body again (nothing has
 * been read from it yet, so the rewind changes nothing).
 */
public final class Jetty12SignalsHook extends OnExit<Destination, HttpClient, Request> {

    @Override
    public Destination exit(Destination destination, HttpClient client, Request request) {
        ProxyConfiguration.Proxy proxy = destination.getProxy();
        if (proxy != null) {
            Origin.Address address = proxy.getAddress();
            Request.Content body = request.getBody();
            Map<String, String> headers = SidecarRoutes.signalsViaProxy(address.getHost(), address.getPort(),
                    timeoutMillis(client, request), body == null || body.rewind());
            if (!headers.isEmpty()) {
                request.headers(fields -> headers.forEach(fields::put));
            }
        }
        return destination;
    }

    private static long timeoutMillis(HttpClient client, Request request) {
        if (request.getTimeout() > 0) {
            return request.getTimeout();
        }
        return request.getIdleTimeout() > 0 ? request.getIdleTimeout() : client.getIdleTimeout();
    }
}
