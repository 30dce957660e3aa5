package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnEntry;
import okhttp3.Request;
import okhttp3.internal.http1.Http1ExchangeCodec;

/**
 * On entry to OkHttp 4's {@code Http1ExchangeCodec.writeRequestHeaders}: an https request on a connection without
 * TLS can only be one that {@link OkHttpHttpsAddressHook} sent to the sidecar. OkHttp writes it in origin-form
 * ({@code GET /x}, {@code Host: api.example.com}), so it gets {@code x-outrigger-tls: 1}, which tells the sidecar to
 * originate TLS to the Host; the sidecar removes it. Only the written head changes, not the app's request.
 */
public final class OkHttpHttpsMarkerHook extends OnEntry<Request, Http1ExchangeCodec, Object> {

    @Override
    public Request enter(Request request, Http1ExchangeCodec codec, Object unused) {
        if (request.isHttps() && codec.getConnection().route().address().sslSocketFactory() == null) {
            return request.newBuilder().header("x-outrigger-tls", "1").build();
        }
        return request;
    }
}
