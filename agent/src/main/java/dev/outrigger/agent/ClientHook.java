package dev.outrigger.agent;

import java.util.List;

/**
 * Where one client library is woven: advice on one method of one class. Most hooks wrap the library's "which proxy
 * for this target?" question, so the advice only changes that answer, and only where the library would otherwise go
 * direct. Other hooks add the call's signals for the sidecar ({@link dev.outrigger.bootstrap.CallSignals}) to clients
 * that are redirected anyway, like the JDK's, which need no weaving for that (see {@link AgentInstaller}).
 *
 * @param library what the log calls it
 * @param typeName the class to weave, as {@link Class#getName()} spells it
 * @param methodName the method the advice wraps, declared by {@code typeName}
 * @param returnTypeName that method's return type; a library that changed it is left alone
 * @param parameterCount how many parameters that method takes, or {@link #ANY_PARAMETERS}
 * @param adviceName the advice class in {@link dev.outrigger.agent.advice}
 * @param effect what the hook does, for the log
 */
record ClientHook(String library, String typeName, String methodName, String returnTypeName, int parameterCount,
                  String adviceName, Effect effect) {

    static final int ANY_PARAMETERS = -1;

    /** What a hook does once it is in. */
    enum Effect {
        /** The library's calls go to the sidecar: worth a line in the log. */
        REDIRECTS("plain http:// calls go to the sidecar"),
        /** Redirected calls carry their signals ({@code signals=on}); only logged at debug, next to the redirect. */
        SIGNALS("redirected calls tell the sidecar their timeout and whether their body can be sent again");

        final String description;

        Effect(String description) {
            this.description = description;
        }
    }

    /** A hook that sends the library's calls to the sidecar. */
    ClientHook(String library, String typeName, String methodName, String returnTypeName, String adviceName) {
        this(library, typeName, methodName, returnTypeName, ANY_PARAMETERS, adviceName, Effect.REDIRECTS);
    }

    /** Every library the agent weaves to redirect it. */
    static final List<ClientHook> ALL = List.of(
            new ClientHook("Apache HttpClient 5 (classic and async)",
                    "org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner", "determineProxy",
                    "org.apache.hc.core5.http.HttpHost", "dev.outrigger.agent.advice.Apache5RouteAdvice"),
            new ClientHook("Apache HttpClient 4 (classic and async)",
                    "org.apache.http.impl.conn.DefaultRoutePlanner", "determineProxy",
                    "org.apache.http.HttpHost", "dev.outrigger.agent.advice.Apache4RouteAdvice"),
            new ClientHook("Jetty HttpClient",
                    "org.eclipse.jetty.client.ProxyConfiguration", "match",
                    "org.eclipse.jetty.client.ProxyConfiguration$Proxy", "dev.outrigger.agent.advice.JettyProxyAdvice"),
            new ClientHook("Reactor Netty HttpClient (and Spring WebClient on it)",
                    "reactor.netty.http.client.HttpClientConnect$HttpClientHandler", "get",
                    "java.net.SocketAddress", "dev.outrigger.agent.advice.ReactorNettyAddressAdvice"));

    /**
     * Hooks that pass the call's signals, woven only with {@code signals=on}. The JDK's classes are in every JDK, so
     * Byte Buddy is then loaded by every app (see {@link WeaverWarmUp}); they come last, so a library is warmed first.
     */
    static final List<ClientHook> SIGNALS = List.of(
            new ClientHook("OkHttp", "okhttp3.OkHttpClient", "newCall", "okhttp3.Call", 1,
                    "dev.outrigger.agent.advice.OkHttpSignalsAdvice", Effect.SIGNALS),
            new ClientHook("Apache HttpClient 5 (classic)", "org.apache.hc.client5.http.impl.classic.MainClientExec",
                    "execute", "org.apache.hc.core5.http.ClassicHttpResponse", 3,
                    "dev.outrigger.agent.advice.Apache5SignalsAdvice", Effect.SIGNALS),
            new ClientHook("JDK HttpClient", "jdk.internal.net.http.HttpClientImpl", "sendAsync",
                    "java.util.concurrent.CompletableFuture", 4,
                    "dev.outrigger.agent.advice.JdkHttpClientRequestAdvice", Effect.SIGNALS),
            new ClientHook("HttpURLConnection", "sun.net.www.protocol.http.HttpURLConnection", "writeRequests",
                    "void", 0, "dev.outrigger.agent.advice.UrlConnectionSignalsAdvice", Effect.SIGNALS));

    /** The name a {@link java.lang.instrument.ClassFileTransformer} sees: slashes for dots. */
    String internalName() {
        return typeName.replace('.', '/');
    }
}
