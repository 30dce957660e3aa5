package dev.outrigger.agent;

import java.util.List;

/**
 * Where one client library is made to route via the sidecar: a hook called on exit of one method of one class, or
 * on its entry. The method is the library's "which proxy for this target?" question (or, where the library has
 * none, the start of its request), so the hook only changes that answer, and only where the library would otherwise
 * go direct.
 *
 * @param library what the log calls it
 * @param typeName the class to weave, as {@link Class#getName()} spells it
 * @param methodName the method the hook wraps, declared by {@code typeName}
 * @param returnTypeName that method's return type; a library that changed it is left alone
 * @param hookName the hook class in {@link dev.outrigger.agent.hooks}
 * @param parameterTypeNames the method's parameter types, to tell overloads apart; {@code null} for any
 */
record ClientHook(String library, String typeName, String methodName, String returnTypeName, String hookName,
                  List<String> parameterTypeNames) {

    /** A hook on a method whose name and return type are enough to find it. */
    ClientHook(String library, String typeName, String methodName, String returnTypeName, String hookName) {
        this(library, typeName, methodName, returnTypeName, hookName, null);
    }

    /** Every library the agent weaves; the JDK clients need no weaving (see {@link AgentInstaller}). */
    static final List<ClientHook> ALL = List.of(
            new ClientHook("Apache HttpClient 5 (classic and async)",
                    "org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner", "determineProxy",
                    "org.apache.hc.core5.http.HttpHost", "dev.outrigger.agent.hooks.Apache5RouteHook"),
            new ClientHook("Apache HttpClient 4 (classic and async)",
                    "org.apache.http.impl.conn.DefaultRoutePlanner", "determineProxy",
                    "org.apache.http.HttpHost", "dev.outrigger.agent.hooks.Apache4RouteHook"),
            new ClientHook("Jetty HttpClient",
                    "org.eclipse.jetty.client.ProxyConfiguration", "match",
                    "org.eclipse.jetty.client.ProxyConfiguration$Proxy", "dev.outrigger.agent.hooks.JettyProxyHook"),
            new ClientHook("Reactor Netty HttpClient (and Spring WebClient on it)",
                    "reactor.netty.http.client.HttpClientConnect$HttpClientHandler", "get",
                    "java.net.SocketAddress", "dev.outrigger.agent.hooks.ReactorNettyAddressHook"));

    /** The name a {@link java.lang.instrument.ClassFileTransformer} sees: slashes for dots. */
    String internalName() {
        return typeName.replace('.', '/');
    }
}
