package dev.outrigger.bench.jmh;

import dev.outrigger.sidecar.route.Route;
import dev.outrigger.sidecar.route.Router;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** {@link Router#route} for the three request forms the outbound listener accepts. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {
    private final Router router = Services.router();
    private final HttpRequest originForm = request("/orders/7?expand=lines", "orders");
    private final HttpRequest absoluteForm = request("http://orders/orders/7?expand=lines", "orders");
    private final HttpRequest pathPrefix = request("/orders/orders/7?expand=lines", "127.0.0.1:15001");

    private static HttpRequest request(String uri, String host) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        request.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.USER_AGENT, "bench");
        return request;
    }

    @Benchmark
    public Route originFormByHost() {
        return router.route(originForm);
    }

    @Benchmark
    public Route absoluteForm() {
        return router.route(absoluteForm);
    }

    @Benchmark
    public Route pathPrefixForm() {
        return router.route(pathPrefix);
    }
}
