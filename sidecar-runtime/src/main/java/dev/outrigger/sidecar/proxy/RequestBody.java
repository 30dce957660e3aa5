package dev.outrigger.sidecar.proxy;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of one request on its way upstream. Parts wait in {@code pending} until a connection takes
 * them; while the body is no larger than the replay limit a copy of every part is also kept, so a
 * retry can send it again. A larger body streams through and makes the request unretriable.
 */
final class RequestBody {

    private final int replayLimit;
    private final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
    private List<HttpContent> replay = new ArrayList<>(2);
    private long replayBytes;
    private long pendingBytes;
    private boolean complete;

    RequestBody(int replayLimit) {
        this.replayLimit = replayLimit;
    }

    /** Takes ownership of {@code part}. */
    void add(HttpContent part) {
        int size = part.content().readableBytes();
        if (replay != null) {
            if (replayBytes + size <= replayLimit) {
                replay.add(part.retainedDuplicate());
                replayBytes += size;
            } else {
                releaseAll(replay);
                replay = null;
            }
        }
        pending.add(part);
        pendingBytes += size;
        complete |= part instanceof LastHttpContent;
    }

    /** Writes every waiting part to {@code upstream} (not flushed); true once the whole body has gone. */
    boolean writeTo(Channel upstream) {
        HttpContent part;
        while ((part = pending.poll()) != null) {
            upstream.write(part, upstream.voidPromise());
        }
        pendingBytes = 0;
        return complete;
    }

    /** Prepares to send the whole body again, to a new connection. Only valid while {@link #replayable()}. */
    void rewind() {
        releaseAll(pending);
        pending.clear();
        pendingBytes = 0;
        for (HttpContent part : replay) {
            pending.add(part.retainedDuplicate());
            pendingBytes += part.content().readableBytes();
        }
    }

    boolean replayable() {
        return replay != null;
    }

    /** True once the caller has sent the last part. */
    boolean complete() {
        return complete;
    }

    long pendingBytes() {
        return pendingBytes;
    }

    void release() {
        releaseAll(pending);
        pending.clear();
        if (replay != null) {
            releaseAll(replay);
            replay.clear();
        }
    }

    private static void releaseAll(Iterable<HttpContent> parts) {
        for (HttpContent part : parts) {
            part.release();
        }
    }
}
