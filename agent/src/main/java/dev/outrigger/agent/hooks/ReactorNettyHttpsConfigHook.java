package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.transport.TransportConfig;

/**
 * On entry of Reactor Netty's {@code HttpConnectionProvider.acquire(config, observer, remoteAddress, resolver)},
 * woven only when {@code https-hosts} is set. Reactor Netty has by then given an https request its TLS settings
 * (from the URI's scheme); for a request to an opted-in host, from a client with no proxy and HTTP/1.1 only, the
 * connection is acquired with a copy of the configuration without TLS, and the attempt is recorded as handed over
 * ({@link SidecarRoutes#handOver}), so that {@link ReactorNettyAddressHook} connects it to the sidecar, and to
 * nowhere else; the hook asks the handler for the address first, and keeps the TLS unless it answers the sidecar. {@link ReactorNettyHeadHook} then marks its request head {@code x-outrigger-tls: 1} and the sidecar
 * originates the TLS. The request keeps its https URI, which the app sees ({@code resourceUrl()}), as do redirects.
 */
public final class ReactorNettyHttpsConfigHook extends OnEntry<TransportConfig, Supplier<?>, Object> {
    private static final Class<?> HANDLER = handlerClass();
    private static final Field TARGET = accessible(field(HANDLER, "toURI"));
    private static final Field TLS = accessible(field(HttpClientConfig.class, "sslProvider"));
    private static final Constructor<HttpClientConfig> COPY = copyConstructor();

    @Override
    public TransportConfig enter(TransportConfig config, Supplier<?> remoteAddress, Object unused)
            throws ReflectiveOperationException {
        if (config instanceof HttpClientConfig http && http.sslProvider() != null && !http.hasProxy()
                && onlyHttp11(http) && HANDLER.isInstance(remoteAddress)) {
            Object target = TARGET.get(remoteAddress);
            InetSocketAddress sidecar = SidecarRoutes.plaintextSidecarForHttpsUrl(String.valueOf(target));
            if (sidecar != null) {
                SidecarRoutes.handOver(remoteAddress, target, sidecar);
                // The address hook must connect this attempt to the sidecar; one that failed would send it direct.
                if (sidecar.equals(remoteAddress.get())) {
                    HttpClientConfig plaintext = COPY.newInstance(http);
                    TLS.set(plaintext, null);
                    return plaintext;
                }
            }
        }
        return config;
    }

    /** The sidecar's outbound listener speaks HTTP/1.1; a client that may negotiate HTTP/2 keeps its TLS. */
    private static boolean onlyHttp11(HttpClientConfig config) {
        HttpProtocol[] protocols = config.protocols();
        return protocols.length == 1 && protocols[0] == HttpProtocol.HTTP11;
    }

    private static Class<?> handlerClass() {
        try {
            return Class.forName("reactor.netty.http.client.HttpClientConnect$HttpClientHandler", false,
                    ReactorNettyHttpsConfigHook.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("this Reactor Netty has no HttpClientConnect.HttpClientHandler", missing);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException missing) {
            throw new IllegalStateException("this Reactor Netty has no " + type.getSimpleName() + "." + name, missing);
        }
    }

    private static Field accessible(Field field) {
        field.setAccessible(true);
        return field;
    }

    private static Constructor<HttpClientConfig> copyConstructor() {
        try {
            Constructor<HttpClientConfig> copy = HttpClientConfig.class.getDeclaredConstructor(HttpClientConfig.class);
            copy.setAccessible(true);
            return copy;
        } catch (NoSuchMethodException missing) {
            throw new IllegalStateException("this Reactor Netty cannot copy an HttpClientConfig", missing);
        }
    }
}
