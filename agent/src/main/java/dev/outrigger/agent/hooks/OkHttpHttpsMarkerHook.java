package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.CallSignals;
import dev.outrigger.bootstrap.OnEntry;
import java.lang.reflect.Method;
import okhttp3.Request;
import okhttp3.Route;
import okhttp3.internal.http1.Http1ExchangeCodec;

/**
 * On entry to OkHttp's {@code Http1ExchangeCodec.writeRequestHeaders} (3.14 to 5): an https request on a connection
 * without TLS can only be one that {@link OkHttpHttpsAddressHook} sent to the sidecar. OkHttp writes it in
 * origin-form ({@code GET /x}, {@code Host: api.example.com}), so it gets {@code x-outrigger-tls: 1}, which tells the
 * sidecar to originate TLS to the Host; the sidecar removes it. Only the written head changes, not the app's request.
 */
public final class OkHttpHttpsMarkerHook extends OnEntry<Request, Http1ExchangeCodec, Object> {
    /** The codec's connection: {@code getConnection()} in OkHttp 4, {@code connection()} in 3, {@code getCarrier()} in 5. */
    private static final Method CONNECTION = publicMethod(Http1ExchangeCodec.class, "getConnection", "connection",
            "getCarrier");
    /** That connection's route: {@code route()} in OkHttp 3 and 4, {@code getRoute()} in 5. */
    private static final Method ROUTE = publicMethod(CONNECTION.getReturnType(), "route", "getRoute");

    @Override
    public Request enter(Request request, Http1ExchangeCodec codec, Object unused) throws ReflectiveOperationException {
        if (request.isHttps()
                && ((Route) ROUTE.invoke(CONNECTION.invoke(codec))).address().sslSocketFactory() == null) {
            return request.newBuilder().header(CallSignals.TLS, "1").build();
        }
        return request;
    }

    private static Method publicMethod(Class<?> type, String... names) {
        for (String name : names) {
            try {
                return type.getMethod(name);
            } catch (NoSuchMethodException tryTheNext) {
                // another OkHttp version's name
            }
        }
        throw new IllegalStateException(type.getName() + " has none of " + String.join(", ", names));
    }
}
