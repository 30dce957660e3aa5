package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.CallSignals;
import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.time.Duration;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.HttpOperations;
import reactor.netty.http.client.HttpClientRequest;

/**
 * On exit of Reactor Netty's {@code HttpOperations.markSentHeaders} and {@code markSentHeaderAndBody}, which answer
 * true once per request, just before its head is written (client and server share them; only client requests are
 * touched). Woven with {@code https-hosts}: an https request on a connection without TLS can only be one that
 * {@link ReactorNettyHttpsConfigHook} handed to the sidecar, so its head, written in origin-form, is marked
 * {@code x-outrigger-tls: 1}. Woven with {@code signals=on}: a request on a connection to the sidecar gets the
 * call's signals. Its timeout is its response timeout (the request's own, else the client's); its body can be sent
 * again when it has none (no length, not chunked) or when {@link ReactorNettyHeldBodyHook} saw the app hand over a
 * value it holds.
 */
public final class ReactorNettyHeadHook extends OnExit<Boolean, HttpOperations<?, ?>, Object> {
    private static final Field RESPONSE_TIMEOUT = responseTimeout();

    @Override
    public Boolean exit(Boolean marked, HttpOperations<?, ?> operations, Object releasedIfSent)
            throws IllegalAccessException {
        if (marked && operations instanceof HttpClientRequest request) {
            Channel channel = ((Connection) operations).channel();
            HttpHeaders headers = request.requestHeaders();
            if (channel.pipeline().get(NettyPipeline.SslHandler) == null
                    && String.valueOf(request.resourceUrl()).startsWith("https:")) {
                headers.set(CallSignals.TLS, "1");
            }
            if (channel.remoteAddress() instanceof InetSocketAddress peer) {
                boolean replayable = headers.contains(CallSignals.REPLAYABLE)
                        || !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                        && headers.getInt(HttpHeaderNames.CONTENT_LENGTH, 0) == 0;
                SidecarRoutes.signalsViaProxy(peer.getHostString(), peer.getPort(), timeoutMillis(operations),
                        replayable).forEach(headers::set);
            }
        }
        return marked;
    }

    private static long timeoutMillis(HttpOperations<?, ?> request) throws IllegalAccessException {
        Duration timeout = RESPONSE_TIMEOUT == null ? null : (Duration) RESPONSE_TIMEOUT.get(request);
        return timeout == null ? 0 : timeout.toMillis();
    }

    /**
     * The request's response timeout, a private field; {@code null} in a version without it, whose calls then say
     * no timeout rather than lose their {@code x-outrigger-tls} mark with the whole hook.
     */
    private static Field responseTimeout() {
        try {
            Field field = Class.forName("reactor.netty.http.client.HttpClientOperations", false,
                    ReactorNettyHeadHook.class.getClassLoader()).getDeclaredField("responseTimeout");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException missing) {
            return null;
        }
    }
}
