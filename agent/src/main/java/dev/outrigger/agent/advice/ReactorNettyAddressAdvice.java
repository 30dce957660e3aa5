package dev.outrigger.agent.advice;

import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import net.bytebuddy.asm.Advice;

/**
 * On exit of Reactor Netty's {@code HttpClientConnect.HttpClientHandler.get()}, the address a request connects to.
 * Reactor Netty only tunnels through HTTP proxies (CONNECT), so a redirected request connects to the sidecar
 * instead and keeps its origin-form target and its {@code Host} header, by which the sidecar routes it. A client the
 * app gave a proxy keeps its answer. Only JDK types appear here: Reactor Netty's are package-private.
 */
public final class ReactorNettyAddressAdvice {

    private ReactorNettyAddressAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void toSidecar(@Advice.FieldValue("proxyProvider") Object proxyProvider,
                          @Advice.FieldValue("toURI") Object target,
                          @Advice.Return(readOnly = false) SocketAddress address) {
        if (proxyProvider == null) {
            // The target prints as its URL, e.g. http://payments/charge.
            InetSocketAddress sidecar = SidecarRoutes.sidecarForUrl(String.valueOf(target));
            if (sidecar != null) {
                address = sidecar;
            }
        }
    }
}
