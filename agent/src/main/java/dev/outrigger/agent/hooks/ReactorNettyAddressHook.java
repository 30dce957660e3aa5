package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * On exit of Reactor Netty's {@code HttpClientConnect.HttpClientHandler.get()}, the address a request connects to.
 * Reactor Netty only tunnels through HTTP proxies (CONNECT), so a redirected request connects to the sidecar
 * instead and keeps its origin-form target and its {@code Host} header, by which the sidecar routes it. A client the
 * app gave a proxy keeps its answer. An https request goes to the sidecar only when {@link ReactorNettyHttpsConfigHook}
 * left out its TLS (with {@code https-hosts}), and then always. The handler's two private fields are read
 * reflectively, looked up once: a version without them fails here, once, and its calls go direct.
 */
public final class ReactorNettyAddressHook extends OnExit<SocketAddress, Object, Object> {
    private static final Field PROXY_PROVIDER = field("proxyProvider");
    private static final Field TARGET = field("toURI");

    @Override
    public SocketAddress exit(SocketAddress address, Object handler, Object noArguments)
            throws IllegalAccessException {
        Object target = TARGET.get(handler);
        // The target prints as its URL, e.g. http://payments/charge.
        String url = String.valueOf(target);
        if (url.startsWith("https:")) {
            InetSocketAddress sidecar = SidecarRoutes.handedOver(handler, target);
            return sidecar != null ? sidecar : address;
        }
        if (PROXY_PROVIDER.get(handler) == null) {
            InetSocketAddress sidecar = SidecarRoutes.sidecarForUrl(url);
            if (sidecar != null) {
                return sidecar;
            }
        }
        return address;
    }

    private static Field field(String name) {
        try {
            Field field = Class.forName("reactor.netty.http.client.HttpClientConnect$HttpClientHandler", false,
                    ReactorNettyAddressHook.class.getClassLoader()).getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException missing) {
            throw new IllegalStateException("this Reactor Netty has no HttpClientHandler." + name, missing);
        }
    }
}
