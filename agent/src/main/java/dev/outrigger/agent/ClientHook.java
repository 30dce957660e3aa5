package dev.outrigger.agent;

import java.util.List;

/**
 * Where one client library is made to route via the sidecar: advice woven into one method of one class. The method
 * is the library's "which proxy for this target?" question (or, where the library has none, the start of its request),
 * so the advice only changes that answer, and only where the library would otherwise go direct.
 *
 * @param library what the log calls it
 * @param typeName the class to weave, as {@link Class#getName()} spells it
 * @param methodName the method the advice wraps, declared by {@code typeName}
 * @param returnTypeName that method's return type; a library that changed it is left alone
 * @param adviceName the advice class in {@link dev.outrigger.agent.advice}
 * @param parameterTypeNames the method's parameter types, to tell overloads apart; {@code null} for any
 */
record ClientHook(String library, String typeName, String methodName, String returnTypeName, String adviceName,
                  List<String> parameterTypeNames) {

    /** A hook on a method whose name and return type are enough to find it. */
    ClientHook(String library, String typeName, String methodName, String returnTypeName, String adviceName) {
        this(library, typeName, methodName, returnTypeName, adviceName, null);
    }

    /** Every library the agent weaves; the JDK clients need no weaving (see {@link AgentInstaller}). */
    static final List<ClientHook> ALL = List.of(
            new ClientHook("Apache HttpClient 5 (classic and async)",
                    "org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner", "determineProxy",
                    "org.apache.hc.core5.http.HttpHost", "dev.outrigger.agent.advice.Apache5RouteAdvice"),
            new ClientHook("Apache HttpClient 4 (classic and async)",
                    "org.apache.http.impl.conn.DefaultRoutePlanner", "determineProxy",
                    "org.apache.http.HttpHost", "dev.outrigger.agent.advice.Apache4RouteAdvice"),
            new ClientHook("Jetty HttpClient (9.4 to 12)",
                    "org.eclipse.jetty.client.ProxyConfiguration", "match",
                    "org.eclipse.jetty.client.ProxyConfiguration$Proxy", "dev.outrigger.agent.advice.JettyProxyAdvice"),
            new ClientHook("Reactor Netty HttpClient (and Spring WebClient on it)",
                    "reactor.netty.http.client.HttpClientConnect$HttpClientHandler", "get",
                    "java.net.SocketAddress", "dev.outrigger.agent.advice.ReactorNettyAddressAdvice"),
            new ClientHook("Vert.x 4 HttpClient (and its WebClient)",
                    "io.vertx.core.http.impl.HttpClientImpl", "doRequest", "void",
                    "dev.outrigger.agent.advice.VertxRequestAdvice",
                    List.of("io.vertx.core.http.RequestOptions", "io.vertx.core.impl.future.PromiseInternal")));

    /** The name a {@link java.lang.instrument.ClassFileTransformer} sees: slashes for dots. */
    String internalName() {
        return typeName.replace('.', '/');
    }
}
