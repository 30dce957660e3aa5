package dev.outrigger.agent;

import java.util.ArrayList;
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
 * @param effect what the log says the woven library now does
 */
record ClientHook(String library, String typeName, String methodName, String returnTypeName, String hookName,
                  List<String> parameterTypeNames, String effect) {

    private static final String PLAIN_HTTP = "plain http:// calls go to the sidecar";
    private static final String HTTPS_HOSTS = "https:// calls to https-hosts go to the sidecar in plaintext, "
            + "the sidecar originates the TLS";

    /** A hook that sends plain http:// calls to the sidecar, on a method its name and return type identify. */
    ClientHook(String library, String typeName, String methodName, String returnTypeName, String hookName) {
        this(library, typeName, methodName, returnTypeName, hookName, null, PLAIN_HTTP);
    }

    ClientHook withParameters(String... typeNames) {
        return new ClientHook(library, typeName, methodName, returnTypeName, hookName, List.of(typeNames), effect);
    }

    ClientHook withEffect(String text) {
        return new ClientHook(library, typeName, methodName, returnTypeName, hookName, parameterTypeNames, text);
    }

    /** Every library the agent weaves; the JDK clients need no weaving (see {@link AgentInstaller}). */
    static final List<ClientHook> ALL = List.of(
            new ClientHook("Apache HttpClient 5 (classic and async)",
                    "org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner", "determineProxy",
                    "org.apache.hc.core5.http.HttpHost", "dev.outrigger.agent.hooks.Apache5RouteHook"),
            new ClientHook("Apache HttpClient 4 (classic and async)",
                    "org.apache.http.impl.conn.DefaultRoutePlanner", "determineProxy",
                    "org.apache.http.HttpHost", "dev.outrigger.agent.hooks.Apache4RouteHook"),
            new ClientHook("Jetty HttpClient (9.4 to 12)",
                    "org.eclipse.jetty.client.ProxyConfiguration", "match",
                    "org.eclipse.jetty.client.ProxyConfiguration$Proxy", "dev.outrigger.agent.hooks.JettyProxyHook"),
            new ClientHook("Reactor Netty HttpClient (and Spring WebClient on it)",
                    "reactor.netty.http.client.HttpClientConnect$HttpClientHandler", "get",
                    "java.net.SocketAddress", "dev.outrigger.agent.hooks.ReactorNettyAddressHook"),
            new ClientHook("Vert.x 4 HttpClient (and its WebClient)",
                    "io.vertx.core.http.impl.HttpClientImpl", "doRequest", "void",
                    "dev.outrigger.agent.hooks.VertxRequestHook")
                    .withParameters("io.vertx.core.http.RequestOptions", "io.vertx.core.impl.future.PromiseInternal"));

    /**
     * Woven only when the app opted hosts in with {@code https-hosts}: libraries that can be made to send an
     * https:// request to a proxy in plaintext, neither CONNECT nor TLS ({@code GET https://host/x}, or for OkHttp
     * {@code GET /x} marked {@code x-outrigger-tls: 1}).
     */
    static final List<ClientHook> HTTPS = List.of(
            new ClientHook("Apache HttpClient 5 (classic and async)",
                    "org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner", "determineRoute",
                    "org.apache.hc.client5.http.HttpRoute", "dev.outrigger.agent.hooks.Apache5HttpsRouteHook")
                    .withEffect(HTTPS_HOSTS),
            new ClientHook("Apache HttpClient 4 (classic and async)",
                    "org.apache.http.impl.conn.DefaultRoutePlanner", "determineRoute",
                    "org.apache.http.conn.routing.HttpRoute", "dev.outrigger.agent.hooks.Apache4HttpsRouteHook")
                    .withEffect(HTTPS_HOSTS),
            new ClientHook("OkHttp 4", "okhttp3.internal.connection.RealCall", "createAddress", "okhttp3.Address",
                    "dev.outrigger.agent.hooks.OkHttpHttpsAddressHook").withEffect(HTTPS_HOSTS),
            new ClientHook("OkHttp 4", "okhttp3.internal.http1.Http1ExchangeCodec", "writeRequestHeaders", "void",
                    "dev.outrigger.agent.hooks.OkHttpHttpsMarkerHook")
                    .withEffect("https:// requests to the sidecar are marked x-outrigger-tls"));

    /** The hooks to weave: {@link #ALL}, and {@link #HTTPS} only when the app opted hosts in. */
    static List<ClientHook> wanted(List<String> httpsHosts) {
        if (httpsHosts.isEmpty()) {
            return ALL;
        }
        List<ClientHook> hooks = new ArrayList<>(ALL);
        hooks.addAll(HTTPS);
        return hooks;
    }

    /** The name a {@link java.lang.instrument.ClassFileTransformer} sees: slashes for dots. */
    String internalName() {
        return typeName.replace('.', '/');
    }
}
