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
 * @param oneOfVersions whether the method is only one version range's (other versions have the hook elsewhere, or
 *                      do without it), so a class without it is logged as another version, not as a warning
 * @param passedArguments for an entry hook, which of the method's arguments (by index from 0) the hook gets as its
 *                        {@code self} and {@code secondArgument}; {@code null} for {@code this} and argument 1
 */
record ClientHook(String library, String typeName, String methodName, String returnTypeName, String hookName,
                  List<String> parameterTypeNames, String effect, boolean oneOfVersions,
                  List<Integer> passedArguments) {

    /**
     * The hook name of a hook in a JDK class, which cannot see the agent: on entry of the method it calls the agent's
     * default {@code ProxySelector}, a {@code BiFunction}, with {@code (this, firstArgument)}, and takes the answer
     * as the first argument.
     */
    static final String THROUGH_DEFAULT_SELECTOR = "java.net.ProxySelector.getDefault()";

    private static final String PLAIN_HTTP = "plain http:// calls go to the sidecar";
    private static final String SIGNALS_EFFECT = "redirected calls tell the sidecar their timeout and whether their"
            + " body can be sent again";
    private static final String HTTPS_HOSTS = "https:// calls to https-hosts go to the sidecar in plaintext, "
            + "the sidecar originates the TLS";
    private static final String HTTPS_MARKED = "https:// requests to the sidecar are marked x-outrigger-tls";

    /** A hook that sends plain http:// calls to the sidecar, on a method its name and return type identify. */
    ClientHook(String library, String typeName, String methodName, String returnTypeName, String hookName) {
        this(library, typeName, methodName, returnTypeName, hookName, null, PLAIN_HTTP, false, null);
    }


    /** What the log says when this hook cannot be woven: the library then works as it would without it. */
    String skipped() {
        return effect.equals(PLAIN_HTTP) ? "not redirected" : "left alone, so not: " + effect;
    }

    boolean throughDefaultSelector() {
        return hookName.equals(THROUGH_DEFAULT_SELECTOR);
    }

    ClientHook withParameters(String... typeNames) {
        return new ClientHook(library, typeName, methodName, returnTypeName, hookName, List.of(typeNames), effect,
                oneOfVersions, passedArguments);
    }

    ClientHook withEffect(String text) {
        return new ClientHook(library, typeName, methodName, returnTypeName, hookName, parameterTypeNames, text,
                oneOfVersions, passedArguments);
    }

    /**
     * An entry hook, or one through the default selector, that is passed two of the method's arguments rather than
     * {@code this} and the next one.
     */
    ClientHook passing(int asSelf, int asSecondArgument) {
        return new ClientHook(library, typeName, methodName, returnTypeName, hookName, parameterTypeNames, effect,
                oneOfVersions, List.of(asSelf, asSecondArgument));
    }

    ClientHook asOneOfVersions() {
        return new ClientHook(library, typeName, methodName, returnTypeName, hookName, parameterTypeNames, effect,
                true, passedArguments);
    }

    /**
     * The JDK HttpClient's {@code sendAsync}, which {@code send} calls too: the request it is about to send, given to
     * the agent's selector (see {@code bootstrap/JdkClientHook}), which hands back the request to send instead.
     */
    private static final ClientHook JDK_HTTP_CLIENT = new ClientHook("JDK HttpClient",
            "jdk.internal.net.http.HttpClientImpl", "sendAsync", "java.util.concurrent.CompletableFuture",
            THROUGH_DEFAULT_SELECTOR).withParameters("java.net.http.HttpRequest",
            "java.net.http.HttpResponse$BodyHandler", "java.net.http.HttpResponse$PushPromiseHandler",
            "java.util.concurrent.Executor");

    /** Where OkHttp builds a call's address: in its {@code Transmitter} (3), {@code RealCall} (4), chain (5). */
    private static final String OKHTTP_ADDRESS = "dev.outrigger.agent.hooks.OkHttpHttpsAddressHook";

    private static final String REACTOR_NETTY = "Reactor Netty HttpClient (and Spring WebClient on it)";

    /**
     * Where Reactor Netty is about to write a request's head: {@code HttpOperations.markSentHeaders} and
     * {@code markSentHeaderAndBody}, true once per request (see {@code ReactorNettyHeadHook}).
     */
    private static ClientHook reactorNettyHead(String methodName, String effect) {
        return new ClientHook(REACTOR_NETTY, "reactor.netty.http.HttpOperations", methodName, "boolean",
                "dev.outrigger.agent.hooks.ReactorNettyHeadHook").withEffect(effect);
    }

    private static final String VERTX_4 = "Vert.x 4 HttpClient (and its WebClient)";

    /**
     * Where Vert.x 4 builds a request's head: the {@code Host} of an https call handed to the sidecar (its
     * {@code VertxRequestHook} in {@link #ALL} hands it over), and whether the body can be sent again.
     */
    private static final ClientHook VERTX_REQUEST_HEAD = new ClientHook(VERTX_4,
            "io.vertx.core.http.impl.Http1xClientConnection", "createRequest", "io.netty.handler.codec.http.HttpRequest",
            "dev.outrigger.agent.hooks.VertxRequestHeadHook");

    /**
     * Jetty 9.4, one hook on the method each request passes once: with {@code https-hosts}, an opted-in https request
     * is written in absolute form; with {@code signals=on}, it gets its signals.
     */
    private static final ClientHook JETTY_94_SEND = new ClientHook("Jetty HttpClient 9.4",
            "org.eclipse.jetty.client.HttpDestination", "send", "void", "dev.outrigger.agent.hooks.Jetty94SendHook")
            .withParameters("org.eclipse.jetty.client.HttpRequest", "java.util.List").asOneOfVersions();

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
            new ClientHook(REACTOR_NETTY, "reactor.netty.http.client.HttpClientConnect$HttpClientHandler", "get",
                    "java.net.SocketAddress", "dev.outrigger.agent.hooks.ReactorNettyAddressHook"),
            new ClientHook(VERTX_4, "io.vertx.core.http.impl.HttpClientImpl", "doRequest", "void",
                    "dev.outrigger.agent.hooks.VertxRequestHook")
                    .withParameters("io.vertx.core.http.RequestOptions", "io.vertx.core.impl.future.PromiseInternal"),
            new ClientHook(VERTX_4, "io.vertx.core.http.impl.HttpClientRequestBase", "absoluteURI",
                    "java.lang.String", "dev.outrigger.agent.hooks.VertxAbsoluteUriHook").withParameters()
                    .withEffect("a redirect of a call sent via a proxy resolves against the call's own URL"));

    /**
     * Woven only when the app opted hosts in with {@code https-hosts}: libraries that can be made to send an
     * https:// request to a proxy in plaintext, neither CONNECT nor TLS ({@code GET https://host/x}, or for OkHttp
     * and Reactor Netty {@code GET /x} and the JDK HttpClient {@code GET http://host/x}, marked
     * {@code x-outrigger-tls: 1}). Vert.x 4's request hook in {@link #ALL} hands the call over; its hook here only
     * mends the {@code Host}.
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
            new ClientHook("OkHttp 3", "okhttp3.internal.connection.Transmitter", "createAddress", "okhttp3.Address",
                    OKHTTP_ADDRESS).withEffect(HTTPS_HOSTS).asOneOfVersions(),
            new ClientHook("OkHttp 4", "okhttp3.internal.connection.RealCall", "createAddress", "okhttp3.Address",
                    OKHTTP_ADDRESS).withEffect(HTTPS_HOSTS).asOneOfVersions(),
            new ClientHook("OkHttp 5", "okhttp3.internal.http.RealInterceptorChain", "address", "okhttp3.Address",
                    OKHTTP_ADDRESS).withEffect(HTTPS_HOSTS).asOneOfVersions(),
            new ClientHook("OkHttp 3 to 5", "okhttp3.internal.http1.Http1ExchangeCodec", "writeRequestHeaders", "void",
                    "dev.outrigger.agent.hooks.OkHttpHttpsMarkerHook").withEffect(HTTPS_MARKED),
            new ClientHook("Jetty HttpClient (10 and later)", "org.eclipse.jetty.client.HttpProxy", "requiresTunnel",
                    "boolean", "dev.outrigger.agent.hooks.JettyHttpsNoTunnelHook").withEffect(HTTPS_HOSTS)
                    .asOneOfVersions(),
            new ClientHook(REACTOR_NETTY, "reactor.netty.http.client.HttpConnectionProvider", "acquire",
                    "reactor.core.publisher.Mono", "dev.outrigger.agent.hooks.ReactorNettyHttpsConfigHook")
                    .withParameters("reactor.netty.transport.TransportConfig", "reactor.netty.ConnectionObserver",
                            "java.util.function.Supplier", "io.netty.resolver.AddressResolverGroup")
                    .passing(2, 1).withEffect(HTTPS_HOSTS),
            reactorNettyHead("markSentHeaders", HTTPS_MARKED),
            reactorNettyHead("markSentHeaderAndBody", HTTPS_MARKED),
            VERTX_REQUEST_HEAD.withEffect(HTTPS_HOSTS),
            new ClientHook("Jetty HttpClient 9.4", "org.eclipse.jetty.client.HttpDestination",
                    "getClientConnectionFactory", "org.eclipse.jetty.io.ClientConnectionFactory",
                    "dev.outrigger.agent.hooks.Jetty94HttpsNoTunnelHook").withParameters().withEffect(HTTPS_HOSTS)
                    .asOneOfVersions(),
            JETTY_94_SEND.withEffect(HTTPS_HOSTS),
            JDK_HTTP_CLIENT.withEffect(HTTPS_HOSTS),
            new ClientHook("JDK HttpClient", "jdk.internal.net.http.HttpRequestImpl", "newInstanceForRedirection",
                    "jdk.internal.net.http.HttpRequestImpl", THROUGH_DEFAULT_SELECTOR)
                    .withParameters("java.net.URI", "java.lang.String", "jdk.internal.net.http.HttpRequestImpl",
                            "boolean")
                    .passing(2, 0)
                    .withEffect("a redirect to an https-host's https:// URI goes to the sidecar in plaintext too"));

    /**
     * Woven only with {@code signals=on}: hooks that add the call's signals for the sidecar
     * ({@link dev.outrigger.bootstrap.CallSignals}) to calls that are redirected anyway. The JDK's own classes cannot
     * see the agent, so theirs go through the default selector.
     */
    static final List<ClientHook> SIGNALS = List.of(
            new ClientHook("OkHttp (3.x to 5.x)", "okhttp3.OkHttpClient", "newCall", "okhttp3.Call",
                    "dev.outrigger.agent.hooks.OkHttpSignalsHook").withParameters("okhttp3.Request")
                    .withEffect(SIGNALS_EFFECT),
            new ClientHook("Apache HttpClient 5 (classic)", "org.apache.hc.client5.http.impl.classic.MainClientExec",
                    "execute", "org.apache.hc.core5.http.ClassicHttpResponse", "dev.outrigger.agent.hooks.Apache5SignalsHook")
                    .withParameters("org.apache.hc.core5.http.ClassicHttpRequest",
                            "org.apache.hc.client5.http.classic.ExecChain$Scope",
                            "org.apache.hc.client5.http.classic.ExecChain")
                    .withEffect(SIGNALS_EFFECT),
            new ClientHook("Apache HttpClient 5 (async)",
                    "org.apache.hc.client5.http.impl.async.HttpAsyncMainClientExec", "execute", "void",
                    "dev.outrigger.agent.hooks.Apache5AsyncSignalsHook")
                    .withParameters("org.apache.hc.core5.http.HttpRequest",
                            "org.apache.hc.core5.http.nio.AsyncEntityProducer",
                            "org.apache.hc.client5.http.async.AsyncExecChain$Scope",
                            "org.apache.hc.client5.http.async.AsyncExecChain",
                            "org.apache.hc.client5.http.async.AsyncExecCallback")
                    .passing(1, 2).withEffect(SIGNALS_EFFECT),
            new ClientHook("Apache HttpClient 4 (classic)", "org.apache.http.impl.execchain.MainClientExec",
                    "execute", "org.apache.http.client.methods.CloseableHttpResponse",
                    "dev.outrigger.agent.hooks.Apache4SignalsHook")
                    .withParameters("org.apache.http.conn.routing.HttpRoute",
                            "org.apache.http.client.methods.HttpRequestWrapper",
                            "org.apache.http.client.protocol.HttpClientContext",
                            "org.apache.http.client.methods.HttpExecutionAware")
                    .passing(1, 2).withEffect(SIGNALS_EFFECT),
            new ClientHook("Apache HttpAsyncClient 4", "org.apache.http.impl.nio.client.MainClientExec",
                    "rewriteRequestURI", "void", "dev.outrigger.agent.hooks.Apache4AsyncSignalsHook")
                    .withParameters("org.apache.http.client.methods.HttpRequestWrapper",
                            "org.apache.http.conn.routing.HttpRoute")
                    .withEffect(SIGNALS_EFFECT),
            JETTY_94_SEND.withEffect(SIGNALS_EFFECT),
            new ClientHook("Jetty HttpClient 12", "org.eclipse.jetty.client.HttpClient", "resolveDestination",
                    "org.eclipse.jetty.client.Destination", "dev.outrigger.agent.hooks.Jetty12SignalsHook")
                    .withParameters("org.eclipse.jetty.client.Request").withEffect(SIGNALS_EFFECT)
                    .asOneOfVersions(),
            VERTX_REQUEST_HEAD.withEffect(SIGNALS_EFFECT),
            new ClientHook(REACTOR_NETTY, "reactor.netty.http.client.HttpClientOperations", "send",
                    "reactor.netty.NettyOutbound", "dev.outrigger.agent.hooks.ReactorNettyHeldBodyHook")
                    .withParameters("org.reactivestreams.Publisher").withEffect(SIGNALS_EFFECT),
            reactorNettyHead("markSentHeaders", SIGNALS_EFFECT),
            reactorNettyHead("markSentHeaderAndBody", SIGNALS_EFFECT),
            JDK_HTTP_CLIENT.withEffect(SIGNALS_EFFECT),
            new ClientHook("HttpURLConnection", "sun.net.www.protocol.http.HttpURLConnection", "writeRequests",
                    "void", THROUGH_DEFAULT_SELECTOR).withParameters().withEffect(SIGNALS_EFFECT));

    /**
     * The hooks to weave: {@link #ALL}, {@link #HTTPS} only when the app opted hosts in, {@link #SIGNALS} if asked;
     * a method hooked by both of the latter is woven once, its one hook doing both.
     */
    static List<ClientHook> wanted(List<String> httpsHosts, boolean signals) {
        List<ClientHook> hooks = new ArrayList<>(ALL);
        if (!httpsHosts.isEmpty()) {
            hooks.addAll(HTTPS);
        }
        if (signals) {
            addOncePerMethod(hooks, SIGNALS);
        }
        return hooks;
    }

    private static void addOncePerMethod(List<ClientHook> hooks, List<ClientHook> more) {
        for (ClientHook hook : more) { // no lambda: this runs in premain
            int same = indexOfSameMethod(hooks, hook);
            if (same < 0) {
                hooks.add(hook);
            } else {
                hooks.set(same, hook.withEffect(hooks.get(same).effect() + "; " + hook.effect()));
            }
        }
    }

    /** Where {@code hooks} already has {@code hook} on the same method (its effect aside), else -1. */
    private static int indexOfSameMethod(List<ClientHook> hooks, ClientHook hook) {
        for (int i = 0; i < hooks.size(); i++) {
            if (hooks.get(i).withEffect(hook.effect()).equals(hook)) {
                return i;
            }
        }
        return -1;
    }

    /** The name a {@link java.lang.instrument.ClassFileTransformer} sees: slashes for dots. */
    String internalName() {
        return typeName.replace('.', '/');
    }
}
