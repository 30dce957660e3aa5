package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarProxySelector;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * On entry of OkHttp's {@code OkHttpClient.newCall(Request)} (3.x to 5.x): for a client that asks the agent's selector and has no
 * proxy of its own, the request gets the signals of a call to the sidecar. Its timeout is the call timeout, else the
 * read timeout; its body can be sent again when OkHttp holds it (form, bytes, text or file), not streamed.
 */
public final class OkHttpSignalsHook extends OnEntry<Request, OkHttpClient, Object> {
    /** What {@code RequestBody.create(...)} makes: {@code RequestBody$1} to {@code $3} in 3.x, {@code $Companion$...} after. */
    private static final String OKHTTPS_OWN_BODIES = "okhttp3.RequestBody$";

    @Override
    public Request enter(Request request, OkHttpClient client, Object unused) {
        if (client.proxy() == null && client.proxySelector() instanceof SidecarProxySelector selector) {
            RequestBody body = request.body();
            boolean replayable = body == null || body instanceof FormBody || (!body.isOneShot() && !body.isDuplex()
                    && body.getClass().getName().startsWith(OKHTTPS_OWN_BODIES));
            long timeout = client.callTimeoutMillis() > 0 ? client.callTimeoutMillis() : client.readTimeoutMillis();
            Map<String, String> headers = selector.signalsFor(request.url().uri(), timeout, replayable);
            if (!headers.isEmpty()) {
                Request.Builder withSignals = request.newBuilder();
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    withSignals.header(header.getKey(), header.getValue());
                }
                return withSignals.build();
            }
        }
        return request;
    }
}
