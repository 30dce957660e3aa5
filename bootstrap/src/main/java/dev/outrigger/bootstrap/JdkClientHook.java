package dev.outrigger.bootstrap;

import java.net.HttpURLConnection;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * The work behind the advice woven into the JDK's own clients (see {@link SidecarProxySelector#apply}): the
 * {@link CallSignals} for a call that goes to the sidecar, nothing for any other call.
 */
final class JdkClientHook {

    private JdkClientHook() {
    }

    /**
     * @param call   an {@link HttpRequest} about to be sent by the JDK HttpClient, or an {@link HttpURLConnection}
     *               about to write its request through a proxy it was not given by the app
     * @param detail for an {@link HttpURLConnection}, {@link Boolean#TRUE} when its body streams (fixed-length or
     *               chunked mode) rather than being buffered
     * @return for a request, the request to send (a copy with the headers added, or the request itself); for a
     *         connection, the headers to add (possibly none)
     */
    static Object apply(SidecarProxySelector selector, CallSignals signals, Object call, Object detail) {
        if (call instanceof HttpRequest request) {
            return selector.sidecarFor(request.uri()) == null ? request : JdkHttpRequests.withSignals(request, signals);
        }
        if (call instanceof HttpURLConnection connection) {
            return toSidecar(selector, connection)
                    ? signals.headers(connection.getReadTimeout(), !Boolean.TRUE.equals(detail)) : Map.of();
        }
        return call;
    }

    private static boolean toSidecar(SidecarProxySelector selector, HttpURLConnection connection) {
        try {
            return selector.sidecarFor(connection.getURL().toURI()) != null;
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }
}
