package dev.outrigger.sidecar.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A response the sidecar makes itself. It always names its reason in {@code x-outrigger-error}, so a
 * caller can tell the mesh's answers from the upstream's.
 */
public final class LocalReply {

    public static final String ERROR_HEADER = "x-outrigger-error";

    private LocalReply() {
    }

    public static FullHttpResponse of(Channel channel, HttpResponseStatus status, Reason reason, String detail) {
        ByteBuf body = ByteBufUtil.writeUtf8(channel.alloc(), reason.label() + ": " + detail + "\n");
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(ERROR_HEADER, reason.label())
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    /** Writes a local reply; with {@code close} the connection ends after it. */
    public static ChannelFuture send(Channel channel, Reason reason, String detail, boolean close) {
        FullHttpResponse response = of(channel, reason.status(), reason, detail);
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture written = channel.writeAndFlush(response);
        if (close) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        return written;
    }

    /** Why the sidecar answered itself; the label is the {@code x-outrigger-error} value. */
    public enum Reason {
        BAD_REQUEST("bad-request", HttpResponseStatus.BAD_REQUEST),
        BAD_PATH("bad-path", HttpResponseStatus.BAD_REQUEST),
        UNAUTHORIZED("unauthorized", HttpResponseStatus.FORBIDDEN),
        METHOD_NOT_ALLOWED("method-not-allowed", HttpResponseStatus.METHOD_NOT_ALLOWED),
        URI_TOO_LONG("request-line-too-long", HttpResponseStatus.REQUEST_URI_TOO_LONG),
        HEADERS_TOO_LARGE("headers-too-large", HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
        UNKNOWN_SERVICE("unknown-service", HttpResponseStatus.NOT_FOUND),
        UNKNOWN_HOST("unknown-host", HttpResponseStatus.BAD_GATEWAY),
        /** The app called a service over https://, but the service is configured {@code tls: none}. */
        TLS_NOT_CONFIGURED("tls-not-configured", HttpResponseStatus.BAD_GATEWAY),
        CIRCUIT_OPEN("circuit-open", HttpResponseStatus.SERVICE_UNAVAILABLE),
        NO_ENDPOINT("no-endpoint", HttpResponseStatus.SERVICE_UNAVAILABLE),
        UPSTREAM_UNREACHABLE("upstream-unreachable", HttpResponseStatus.BAD_GATEWAY),
        UPSTREAM_RESET("upstream-reset", HttpResponseStatus.BAD_GATEWAY),
        /** The TLS handshake with the upstream failed: untrusted certificate, wrong host name, not a TLS port. */
        UPSTREAM_TLS("upstream-tls", HttpResponseStatus.BAD_GATEWAY),
        /** A {@code tls: mesh} endpoint proved the identity of another service than the one called. */
        PEER_IDENTITY_MISMATCH("peer-identity-mismatch", HttpResponseStatus.BAD_GATEWAY),
        RETRY_BUDGET_EXHAUSTED("retry-budget-exhausted", HttpResponseStatus.SERVICE_UNAVAILABLE),
        TIMEOUT("timeout", HttpResponseStatus.GATEWAY_TIMEOUT);

        private final String label;
        private final HttpResponseStatus status;

        Reason(String label, HttpResponseStatus status) {
            this.label = label;
            this.status = status;
        }

        public String label() {
            return label;
        }

        public HttpResponseStatus status() {
            return status;
        }
    }
}
