package dev.outrigger.bench.jmh;

import dev.outrigger.sidecar.proxy.HopByHop;
import dev.outrigger.sidecar.route.Route;
import dev.outrigger.sidecar.route.Router;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The request and response work one exchange does in the sidecar's codecs, with no sockets: parse the caller's
 * request (HttpServerCodec), route it and rewrite its head as the outbound handler does, encode it for the
 * upstream (HttpClientCodec), then parse the upstream's 1 KB response and encode it for the caller. The pools,
 * the Exchange state machine and the syscalls are not in it (the end-to-end benchmark covers them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2) // Netty's codec paths take many seconds to reach C2 on a busy 2-CPU box
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled") // as in production: no sampling
public class CodecBenchmark {
    private static final byte[] REQUEST = ("GET /orders/7?expand=lines HTTP/1.1\r\nHost: orders\r\n"
            + "User-Agent: Java-http-client/17\r\nAccept: application/json\r\nConnection: keep-alive\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = response();

    private final Router router = Services.router();
    private EmbeddedChannel caller;
    private EmbeddedChannel upstream;

    private static byte[] response() {
        String head = "HTTP/1.1 200 OK\r\nServer: origin\r\nContent-Type: text/plain\r\nContent-Length: 1024\r\n"
                + "Connection: keep-alive\r\n\r\n";
        byte[] bytes = new byte[head.length() + 1024];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, head.length());
        java.util.Arrays.fill(bytes, head.length(), bytes.length, (byte) 'x');
        return bytes;
    }

    @Setup
    public void open() {
        caller = new EmbeddedChannel(new HttpServerCodec());
        upstream = new EmbeddedChannel(new HttpClientCodec());
    }

    @TearDown
    public void close() {
        caller.finishAndReleaseAll();
        upstream.finishAndReleaseAll();
    }

    @Benchmark
    public int requestAndResponse() {
        caller.writeInbound(Unpooled.wrappedBuffer(REQUEST));
        HttpRequest request = caller.readInbound();
        Route.ToService route = (Route.ToService) router.route(request);
        HopByHop.strip(request.headers());
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        request.setUri(route.uri());
        request.headers().set(HttpHeaderNames.HOST, route.authority());
        upstream.writeOutbound(request, caller.readInbound()); // the head, then the empty last content
        int bytes = drainOutbound(upstream);

        upstream.writeInbound(Unpooled.wrappedBuffer(RESPONSE));
        for (HttpObject part; (part = upstream.readInbound()) != null; ) {
            caller.writeOutbound(part);
        }
        return bytes + drainOutbound(caller);
    }

    private static int drainOutbound(EmbeddedChannel channel) {
        int bytes = 0;
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            bytes += buf.readableBytes();
            buf.release();
        }
        return bytes;
    }
}
