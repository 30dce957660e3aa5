package dev.outrigger.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 load generator on one Netty epoll event loop. In open loop, connection {@code k} of {@code n} owns
 * the send times {@code start + (k + i*n) / rate}: a request goes out at its time, or as soon as the previous
 * response on that connection ends if that is later, and its latency is counted from its intended time (the wrk2
 * correction for coordinated omission). Close it to release the event loop.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final EventLoop loop = group.next();

    /** Called on the caller's thread as the measured window opens and closes (e.g. to read CPU counters). */
    public interface WindowListener {
        void opened() throws Exception;

        void closed() throws Exception;
    }

    public LoadResult run(Target target, Load load, WindowListener listener) throws Exception {
        ByteBuf bytes = Unpooled.directBuffer().writeBytes((
                "GET " + target.path() + " HTTP/1.1\r\nHost: " + target.hostHeader()
                        + "\r\nUser-Agent: outrigger-bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        try {
            return run(target, load, listener, Unpooled.unreleasableBuffer(bytes));
        } finally {
            bytes.release(); // the drivers' connections are closed by now
        }
    }

    private LoadResult run(Target target, Load load, WindowListener listener, ByteBuf request) throws Exception {
        List<Channel> channels = connect(target, load.connections());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        Window window = new Window(start + load.warmup().toNanos(), load.measure().toNanos());
        Recorder recorder = new Recorder(window);
        CompletableFuture<?>[] done = new CompletableFuture<?>[channels.size()];
        for (int k = 0; k < channels.size(); k++) {
            Schedule schedule = load.openLoop()
                    ? Schedule.open(start, k, channels.size(), load.rate(), window.end())
                    : Schedule.closed(start, window.end());
            ConnectionDriver driver = new ConnectionDriver(channels.get(k), request, schedule, recorder);
            done[k] = driver.finished();
            loop.execute(driver::start);
        }
        sleepUntil(window.start());
        listener.opened();
        sleepUntil(window.end());
        listener.closed();
        try {
            CompletableFuture.allOf(done).get(
                    window.end() - System.nanoTime() + GRACE_NANOS + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException stuck) {
            // Drivers whose response never came are counted as errors below.
        }
        for (Channel channel : channels) {
            channel.close().sync();
        }
        return loop.submit(recorder::result).get();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private List<Channel> connect(Target target, int connections) throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(EpollSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpResponseDecoder());
                    }
                });
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            channels.add(bootstrap.connect(target.host(), target.port()).sync().channel());
        }
        return channels;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The measured window: requests due in {@code [start, end)} are recorded. */
    record Window(long start, long lengthNanos) {
        long end() {
            return start + lengthNanos;
        }

        boolean contains(long nanos) {
            return nanos >= start && nanos < end();
        }
    }

    /** Collects results on the event loop thread only. */
    static final class Recorder {
        private final Window window;
        private final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        private long responses;
        private long errors;

        Recorder(Window window) {
            this.window = window;
        }

        void ok(long dueNanos, long latencyNanos) {
            if (window.contains(dueNanos)) {
                latency.recordValue(Math.min(latencyNanos, latency.getHighestTrackableValue()));
                responses++;
            }
        }

        void error(long dueNanos) {
            if (window.contains(dueNanos)) {
                errors++;
            }
        }

        LoadResult result() {
            return new LoadResult(latency, responses, errors, window.lengthNanos() / 1e9);
        }
    }
}
