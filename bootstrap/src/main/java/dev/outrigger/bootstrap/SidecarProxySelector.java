package dev.outrigger.bootstrap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sends the calls that {@link RedirectPolicy} picks to the sidecar as an HTTP proxy, so the client writes an
 * absolute-form request ({@code GET http://service-b/x HTTP/1.1}) to the sidecar and never resolves the mesh name.
 * Every other call, and every call while this class misbehaves, gets the delegate's answer, i.e. goes the way it
 * would go without the agent.
 *
 * <p>It is also the door through which advice woven into the JDK's own clients reaches the agent: that advice runs
 * in classes of the boot and platform loaders, which cannot see this class (it loads from the agent jar, on the
 * system loader), but it can find the selector a client uses and call it as a {@link BiFunction}, a JDK type.
 */
public final class SidecarProxySelector extends ProxySelector implements BiFunction<Object, Object, Object> {
    private final ProxySelector delegate;
    private final RedirectPolicy policy;
    private final Proxy sidecar;
    private final String sidecarName;
    private final FailModes failModes;
    private final BooleanSupplier sidecarReachable;
    private final StartupWait startupWait;
    private final Consumer<String> warn;
    private final CallSignals signals;
    private final AtomicBoolean bypassWarned = new AtomicBoolean();
    private final AtomicBoolean faultWarned = new AtomicBoolean();
    private final ThreadLocal<URI> plaintextHttpsNext = new ThreadLocal<>();

    /**
     * @param sidecarReachable read on every redirected call that fails open; must be cheap
     * @param startupWait what the first redirected calls wait for
     * @param warn receives at most one line per kind of problem
     * @param signals what redirected calls of the JDK's clients tell the sidecar in request headers
     */
    public SidecarProxySelector(ProxySelector delegate, RedirectPolicy policy, InetSocketAddress sidecar,
                                FailModes failModes, BooleanSupplier sidecarReachable, StartupWait startupWait,
                                Consumer<String> warn, CallSignals signals) {
        this.delegate = delegate;
        this.policy = policy;
        this.sidecar = new Proxy(Proxy.Type.HTTP, sidecar);
        this.sidecarName = sidecar.getHostString() + ":" + sidecar.getPort();
        this.failModes = failModes;
        this.sidecarReachable = sidecarReachable;
        this.startupWait = startupWait;
        this.warn = warn;
        this.signals = signals;
    }

    private enum Route { SIDECAR_ONLY, SIDECAR_THEN_USUAL, USUAL }

    @Override
    public List<Proxy> select(URI uri) {
        if (isPlaintextHttps(uri)) {
            return List.of(sidecar);
        }
        switch (route(uri, false)) {
            case SIDECAR_ONLY:
                return List.of(sidecar);
            case SIDECAR_THEN_USUAL:
                // HttpURLConnection tries the next entry when the sidecar refuses; the JDK HttpClient uses the first.
                List<Proxy> proxies = new ArrayList<>();
                proxies.add(sidecar);
                proxies.addAll(delegate.select(uri));
                return proxies;
            default:
                return delegate.select(uri);
        }
    }

    /**
     * For clients that take a single proxy rather than a list: the sidecar when {@code uri} goes there now,
     * otherwise {@code null} (the call goes as it would without the agent).
     */
    public InetSocketAddress sidecarFor(URI uri) {
        return route(uri, false) == Route.USUAL ? null : (InetSocketAddress) sidecar.address();
    }

    /**
     * For clients that can send an {@code https} request to a proxy in plaintext, as {@code GET https://host/x}
     * (never through a CONNECT tunnel): the sidecar when {@code uri} goes there now, otherwise {@code null}.
     * {@link #select} never answers the sidecar for {@code https}: clients would tunnel through it.
     */
    public InetSocketAddress plaintextSidecarForHttps(URI uri) {
        return route(uri, true) == Route.USUAL ? null : (InetSocketAddress) sidecar.address();
    }

    /**
     * The JDK HttpClient's https call to an opted-in host, rewritten to {@code plaintextUri} (see
     * {@link JdkHttpRequests#forSidecar}), is about to ask for its proxy on this thread, before anything else
     * does: it goes to the sidecar whatever the policy says of plain {@code http} to that host, since sent anywhere
     * else it would cross the network in the clear.
     */
    void sendNextToSidecar(URI plaintextUri) {
        plaintextHttpsNext.set(plaintextUri);
    }

    private boolean isPlaintextHttps(URI uri) {
        URI next = plaintextHttpsNext.get();
        if (next == null) {
            return false;
        }
        plaintextHttpsNext.remove();
        return next.equals(uri);
    }

    private Route route(URI uri, boolean https) {
        try {
            if (!(https ? policy.redirectsHttps(uri) : policy.redirects(uri))) {
                return Route.USUAL;
            }
            startupWait.awaitOnce();
            if (failModes.of(RedirectPolicy.normalize(uri.getHost())) == FailMode.CLOSED) {
                return Route.SIDECAR_ONLY;
            }
            if (sidecarReachable.getAsBoolean()) {
                return Route.SIDECAR_THEN_USUAL;
            }
            warnOnce(bypassWarned, "sidecar " + sidecarName
                    + " is not reachable: calls that fail open go direct while it is down; this is logged once");
            return Route.USUAL;
        } catch (Throwable t) {
            warnOnce(faultWarned, "redirect decision failed, calls go direct: " + t);
            return Route.USUAL;
        }
    }

    /**
     * The {@link CallSignals} headers for a call, or none when the call does not go to the sidecar.
     *
     * @param timeoutMillis the client's own timeout for the call; 0 or less when it has none
     * @param replayable    the client could send the body again
     */
    public Map<String, String> signalsFor(URI uri, long timeoutMillis, boolean replayable) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        return route(uri, https) == Route.USUAL ? Map.of() : signals.headers(timeoutMillis, replayable);
    }

    /**
     * The {@link CallSignals} headers for a call a library routes through the proxy {@code proxyHost:proxyPort}:
     * none unless that proxy is the sidecar, so a proxy of the app's own never sees them.
     */
    public Map<String, String> signalsViaProxy(String proxyHost, int proxyPort, long timeoutMillis,
                                               boolean replayable) {
        return isSidecar(proxyHost, proxyPort) ? signals.headers(timeoutMillis, replayable) : Map.of();
    }

    /** Whether calls through the proxy {@code proxyHost:proxyPort} carry signals: they are on and it is the sidecar. */
    public boolean signalsGoVia(String proxyHost, int proxyPort) {
        return signals.on() && isSidecar(proxyHost, proxyPort);
    }

    private boolean isSidecar(String host, int port) {
        return SidecarRoutes.isAt((InetSocketAddress) sidecar.address(), host, port);
    }

    /**
     * For calls woven into the JDK's clients, which see this selector only as a JDK type. Never throws: a fault
     * means the call goes unchanged.
     *
     * @param self a {@code java.net.http.HttpClient} about to send {@code firstArgument}, or a
     *             {@code java.net.HttpURLConnection} about to write its request
     * @return what the woven method takes as its first argument instead: for the HttpClient, the request with the
     *         call's signals when it goes to the sidecar
     */
    @Override
    public Object apply(Object self, Object firstArgument) {
        try {
            return JdkClientHook.apply(this, self, firstArgument);
        } catch (Throwable t) {
            warnOnce(faultWarned, "call signals failed, calls go unchanged: " + t);
            return firstArgument;
        }
    }

    private void warnOnce(AtomicBoolean warned, String message) {
        if (warned.compareAndSet(false, true)) {
            try {
                warn.accept(message);
            } catch (Throwable ignored) {
                // Logging must never change the route of the call.
            }
        }
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        if (!sidecar.address().equals(address)) {
            delegate.connectFailed(uri, address, failure);
        }
    }

    @Override
    public String toString() {
        return "SidecarProxySelector[sidecar=" + sidecarName + ", fail=" + failModes + ", delegate=" + delegate + "]";
    }
}
