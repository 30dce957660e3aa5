package dev.outrigger.samples.clients;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** A Vert.x write stream that takes in each buffer as a {@link ReceivedBody} as it comes; it is never full. */
final class ReceivingWriteStream implements WriteStream<Buffer> {
    private final ReceivedBody body = new ReceivedBody();

    /** What the body shows, see {@link ReceivedBody#text()}. */
    String text() {
        return body.text();
    }

    @Override
    public Future<Void> write(Buffer data) {
        byte[] bytes = data.getBytes();
        body.add(bytes, 0, bytes.length);
        return Future.succeededFuture();
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        complete(handler, write(data));
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        complete(handler, Future.succeededFuture());
    }

    private static void complete(Handler<AsyncResult<Void>> handler, Future<Void> result) {
        if (handler != null) {
            handler.handle(result);
        }
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        return this;
    }
}
