package dev.outrigger.samples.clients;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes of an {@link InputStream} as a Vert.x read stream: read a chunk at a time on a Vert.x context, only while
 * the reader wants more (a pipe pauses it while the connection's write queue is full), so the stream is never held
 * whole.
 */
final class InputStreamReadStream implements ReadStream<Buffer> {
    private static final int CHUNK = 64 * 1024;

    private final Context context;
    private final InputStream content;
    private volatile long demand = Long.MAX_VALUE;
    private volatile Handler<Buffer> handler;
    private volatile Handler<Void> endHandler;
    private volatile Handler<Throwable> exceptionHandler;
    private boolean ended;

    InputStreamReadStream(Context context, InputStream content) {
        this.context = context;
        this.content = content;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        context.runOnContext(ignored -> emit());
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        demand = 0;
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        return fetch(Long.MAX_VALUE);
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        long wanted = demand + amount;
        demand = wanted < 0 ? Long.MAX_VALUE : wanted;
        context.runOnContext(ignored -> emit());
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> exceptionHandler) {
        this.exceptionHandler = exceptionHandler;
        return this;
    }

    /** Runs on the context only: hands chunks to the handler while it wants them. */
    private void emit() {
        byte[] chunk = new byte[CHUNK];
        while (!ended && demand > 0 && handler != null) {
            int n;
            try {
                n = content.read(chunk);
            } catch (IOException e) {
                end(exceptionHandler, e);
                return;
            }
            if (n < 0) {
                end(endHandler, null);
                return;
            }
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
            handler.handle(Buffer.buffer(Arrays.copyOf(chunk, n)));
        }
    }

    private <T> void end(Handler<T> last, T event) {
        ended = true;
        try {
            content.close();
        } catch (IOException ignored) {
            // the stream was read to its end or failed already
        }
        if (last != null) {
            last.handle(event);
        }
    }
}
