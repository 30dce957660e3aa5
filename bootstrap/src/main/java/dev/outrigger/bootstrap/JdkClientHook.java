package dev.outrigger.bootstrap;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * The work behind the calls woven into the JDK's own clients (see {@link SidecarProxySelector#apply}): the
 * {@link CallSignals} for a call that goes to the sidecar, and for the HttpClient, an https call to an opted-in host
 * handed to the sidecar in plaintext; nothing for any other call.
 */
final class JdkClientHook {

    private JdkClientHook() {
    }

    /**
     * @param self the JDK HttpClient about to send {@code firstArgument}, a request of it about to be redirected to
     *             the URI {@code firstArgument}, or an {@link HttpURLConnection} about to write its request
     * @return what the woven method should take as its first argument: for the HttpClient, the request to send (see
     *         {@link JdkHttpRequests#forSidecar}) or the URI to redirect to ({@link JdkHttpRequests#redirectTarget});
     *         otherwise {@code firstArgument}
     */
    static Object apply(SidecarProxySelector selector, Object self, Object firstArgument)
            throws ReflectiveOperationException, URISyntaxException {
        if (firstArgument instanceof HttpRequest request && self instanceof HttpClient client
                && client.proxy().orElse(selector) == selector) {
            return JdkHttpRequests.forSidecar(request, selector);
        }
        if (self instanceof HttpRequest previous && firstArgument instanceof URI location) {
            return JdkHttpRequests.redirectTarget(previous, location, selector);
        }
        if (self instanceof HttpURLConnection connection) {
            UrlConnections.addSignals(connection, selector);
        }
        return firstArgument;
    }

    /**
     * {@code HttpURLConnection} keeps what matters in fields: the proxy the app gave it, its header list, and whether
     * its body streams. The agent opens those packages to itself at start with {@code signals=on}; until it has, the
     * lookups here fail and the call goes unchanged.
     */
    private static final class UrlConnections {
        private static final Field APP_PROXY = field("sun.net.www.protocol.http.HttpURLConnection", "instProxy");
        private static final Field REQUESTS = field("sun.net.www.protocol.http.HttpURLConnection", "requests");
        private static final Field FIXED_LENGTH = field("java.net.HttpURLConnection", "fixedContentLength");
        private static final Field FIXED_LENGTH_LONG = field("java.net.HttpURLConnection", "fixedContentLengthLong");
        private static final Field CHUNK_LENGTH = field("java.net.HttpURLConnection", "chunkLength");

        static void addSignals(HttpURLConnection connection, SidecarProxySelector selector)
                throws ReflectiveOperationException, URISyntaxException {
            if (!connection.usingProxy() || APP_PROXY.get(connection) != null) {
                return;
            }
            boolean streams = FIXED_LENGTH.getInt(connection) != -1 || FIXED_LENGTH_LONG.getLong(connection) != -1
                    || CHUNK_LENGTH.getInt(connection) != -1;
            Map<String, String> headers = selector.signalsFor(connection.getURL().toURI(),
                    connection.getReadTimeout(), !streams);
            Object requests = REQUESTS.get(connection);
            Method set = requests.getClass().getMethod("set", String.class, String.class);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                set.invoke(requests, header.getKey(), header.getValue()); // set, so a second write does not repeat
            }
        }

        private static Field field(String type, String name) {
            try {
                Field field = Class.forName(type).getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException closed) {
                throw new IllegalStateException("cannot read " + type + "." + name + ": " + closed, closed);
            }
        }
    }
}
