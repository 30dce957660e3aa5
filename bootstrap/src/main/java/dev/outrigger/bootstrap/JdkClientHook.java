package dev.outrigger.bootstrap;

import java.net.HttpURLConnection;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;

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
    static Object apply(SidecarProxySelector selector, Object call, Object detail) throws URISyntaxException {
        if (call instanceof HttpRequest request) {
            return JdkHttpRequests.withSignals(request, selector);
        }
        if (call instanceof HttpURLConnection connection) {
            return selector.signalsFor(connection.getURL().toURI(), connection.getReadTimeout(),
                    !Boolean.TRUE.equals(detail));
        }
        return call;
    }
}
