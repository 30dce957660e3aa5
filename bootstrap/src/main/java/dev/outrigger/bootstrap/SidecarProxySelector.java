package dev.outrigger.bootstrap;

import java.io.IOException;
import java.net.HttpURLConnection;
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
    private final FailMode failMode;
    private final BooleanSupplier sidecarReachable;
    private final Consumer<String> warn;
    private final CallSignals signals;
    private final AtomicBoolean bypassWarned = new AtomicBoolean();
    private final AtomicBoolean faultWarned = new AtomicBoolean();

    /**
     * @param sidecarReachable read on every redirected call in {@link FailMode#OPEN}; must be cheap
     * @param warn receives at most one line per kind of problem
     * @param signals what redirected calls of the JDK's clients tell the sidecar in request headers
     */
    public SidecarProxySelector(ProxySelector delegate, RedirectPolicy policy, InetSocketAddress sidecar,
                                FailMode failMode, BooleanSupplier sidecarReachable, Consumer<String> warn,
                                CallSignals signals) {
        this.delegate = delegate;
        this.policy = policy;
        this.sidecar = new Proxy(Proxy.Type.HTTP, sidecar);
        this.sidecarName = sidecar.getHostString() + ":" + sidecar.getPort();
        this.failMode = failMode;
        this.sidecarReachable = sidecarReachable;
        this.warn = warn;
        this.signals = signals;
    }

    private enum Route { SIDECAR_ONLY, SIDECAR_THEN_USUAL, USUAL }

    @Override
    public List<Proxy> select(URI uri) {
        switch (route(uri)) {
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
        return route(uri) == Route.USUAL ? null : (InetSocketAddress) sidecar.address();
    }

    private Route route(URI uri) {
        try {
            if (!policy.redirects(uri)) {
                return Route.USUAL;
            }
            if (failMode == FailMode.CLOSED) {
                return Route.SIDECAR_ONLY;
            }
            if (sidecarReachable.getAsBoolean()) {
                return Route.SIDECAR_THEN_USUAL;
            }
            warnOnce(bypassWarned, "sidecar " + sidecarName
                    + " is not reachable: calls go direct while it is down (fail=open); this is logged once");
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
        return route(uri) == Route.USUAL ? Map.of() : signals.headers(timeoutMillis, replayable);
    }

    /**
     * For advice woven into the JDK's clients, which sees this selector only as a JDK type. Never throws: a fault
     * means the call goes unchanged.
     *
     * @param call   a {@code java.net.http.HttpRequest} about to be sent by a client that uses this selector, or a
     *               {@code java.net.HttpURLConnection} about to write its request through a proxy the app did not set
     * @param detail for a connection, {@link Boolean#TRUE} when its body streams rather than being buffered
     * @return for a request, the request to send instead (or the same); for a connection, the
     *         {@code Map<String, String>} of headers to add (empty for a call that does not go to the sidecar)
     */
    @Override
    public Object apply(Object call, Object detail) {
        try {
            return JdkClientHook.apply(this, call, detail);
        } catch (Throwable t) {
            warnOnce(faultWarned, "call signals failed, calls go unchanged: " + t);
            return call instanceof HttpURLConnection ? Map.of() : call;
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
        return "SidecarProxySelector[sidecar=" + sidecarName + ", fail=" + failMode + ", delegate=" + delegate + "]";
    }
}
