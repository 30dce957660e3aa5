package dev.outrigger.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Sends one connection's requests, one at a time, on the connection's event loop. */
final class ConnectionDriver extends ChannelInboundHandlerAdapter {
    private final Channel channel;
    private final ByteBuf request;
    private final Schedule schedule;
    private final LoadGenerator.Recorder recorder;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private long due = -1;
    private long sentAt;
    private boolean ok;

    ConnectionDriver(Channel channel, ByteBuf request, Schedule schedule, LoadGenerator.Recorder recorder) {
        this.channel = channel;
        this.request = request;
        this.schedule = schedule;
        this.recorder = recorder;
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    void start() {
        channel.pipeline().addLast(this);
        sendNextWhenDue();
    }

    private void sendNextWhenDue() {
        long now = System.nanoTime();
        due = schedule.next(now);
        if (due < 0) {
            finished.complete(null);
        } else if (due <= now) {
            send();
        } else {
            channel.eventLoop().schedule(this::send, due - now, TimeUnit.NANOSECONDS);
        }
    }

    private void send() {
        if (!channel.isActive()) {
            fail();
            return;
        }
        ok = false;
        sentAt = System.nanoTime();
        channel.writeAndFlush(request.retainedDuplicate(), channel.voidPromise());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpResponse response) {
                ok = response.status().code() == 200 && response.decoderResult().isSuccess();
            }
            if (msg instanceof LastHttpContent) {
                long now = System.nanoTime();
                if (ok) {
                    recorder.ok(due, now - (schedule.openLoop() ? due : sentAt));
                } else {
                    recorder.error(due);
                }
                sendNextWhenDue();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** The connection is gone: the request in flight and every later one of this connection count as errors. */
    private void fail() {
        if (finished.isDone()) {
            return;
        }
        recorder.error(due);
        if (schedule.openLoop()) {
            for (long d = schedule.next(due); d >= 0; d = schedule.next(d)) {
                recorder.error(d);
            }
        }
        finished.complete(null);
    }
}
