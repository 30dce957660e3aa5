package dev.outrigger.sidecar.proxy;

import dev.outrigger.sidecar.balance.Endpoint;
import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.policy.Idempotency;
import dev.outrigger.sidecar.policy.RetryPolicy;
import dev.outrigger.sidecar.policy.TryOutcome;
import dev.outrigger.sidecar.pool.UpstreamListener;
import dev.outrigger.sidecar.pool.UpstreamPool;
import dev.outrigger.sidecar.proxy.LocalReply.Reason;
import dev.outrigger.sidecar.tls.TlsUpstream.PeerIdentityException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One request's trip through the sidecar, run entirely on the caller connection's event loop: the
 * circuit breaker's permission, one or more tries against endpoints picked by the balancer, and the
 * relay of the one response that is returned. Until a response head is accepted nothing has been sent
 * to the caller, so a failed try can still be retried; after that the response streams through, and
 * an upstream failure can only cut the caller's connection (never pass off a partial response as whole).
 */
public final class Exchange implements UpstreamListener {

    /** The caller-side connection, as the exchange sees it. */
    public interface Caller {
        Channel channel();

        /** True inside a burst of reads from the caller: what is written upstream now is flushed when it ends. */
        boolean reading();

        /** The exchange is over; {@code close} ends the caller connection. */
        void exchangeDone(boolean close);
    }

    private enum State { CONNECTING, AWAITING_RESPONSE, BACKOFF, RELAYING, DONE }

    static final int MAX_CONNECT_MILLIS = 10_000;
    /** Beyond this much unread body after an early response, closing is cheaper than reading on. */
    private static final long MAX_DISCARDED_BYTES = 1 << 20;
    private static final AsciiString IDEMPOTENCY_KEY = AsciiString.cached("idempotency-key");

    private final Caller caller;
    private final Channel downstream;
    private final UpstreamPool pool;
    private final HttpRequest head;
    private final Cluster cluster;
    private final InetSocketAddress fixedAddress;
    private final RequestBody body;
    private final boolean callerKeepAlive;
    private final long startNanos;
    private final long callerWaitNanos;
    /** The service's timeout from the request head, or the caller's wait from the request's end once sooner. */
    private long deadlineNanos;
    private boolean callersDeadline;
    private final boolean idempotent;
    private final String callingClass;

    private State state = State.CONNECTING;
    private int tries;
    private final List<Endpoint> tried = new ArrayList<>(2);
    private Endpoint endpoint;
    private InetSocketAddress address;
    private Throwable connectFailure;
    private Channel upstream;
    private boolean bodySent;
    private boolean interim;
    private boolean upstreamReusable;
    private boolean breakerHeld;
    private boolean responded;
    private long discarded;
    /** Written to the caller, not yet flushed: flushed when the upstream's burst of reads ends. */
    private boolean callerUnflushed;
    /** The end of the current try ({@code per-try-timeout}), or {@link Long#MAX_VALUE} for none. */
    private long tryDeadlineNanos = Long.MAX_VALUE;
    /** One timer for the deadline and the try's end, whichever comes first: most exchanges set it once. */
    private ScheduledFuture<?> timer;
    private long timerDueNanos;

    /**
     * @param head         the request as it goes upstream (origin-form, hop-by-hop headers removed)
     * @param fixedAddress the one address to use (passthrough), or null to let the cluster's balancer pick
     * @param signals      what the app's agent said about the call: its own timeout may shorten the deadline
     */
    public Exchange(Caller caller, UpstreamPool pool, HttpRequest head, boolean callerKeepAlive,
                    Cluster cluster, InetSocketAddress fixedAddress, int replayLimit, AgentSignals signals) {
        this.caller = caller;
        this.downstream = caller.channel();
        this.pool = pool;
        this.head = head;
        this.callerKeepAlive = callerKeepAlive;
        this.cluster = cluster;
        this.fixedAddress = fixedAddress;
        this.body = new RequestBody(replayLimit);
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + cluster.timeoutNanos();
        this.callerWaitNanos = signals.callerWaitNanos();
        this.idempotent = Idempotency.mayRepeat(head.method().name(),
                head.headers().contains(IDEMPOTENCY_KEY), signals.replayable());
        this.callingClass = signals.caller();
    }

    public void start() {
        if (!cluster.breaker().tryAcquire()) {
            replyLocally(Reason.CIRCUIT_OPEN, "circuit breaker for '" + cluster.name() + "' is open");
            return;
        }
        breakerHeld = true;
        cluster.budget().onRequest();
        if (callingClass != null) {
            cluster.metrics().fromCaller(callingClass);
        }
        attempt();
    }

    /** True once the caller has sent the whole request body. */
    public boolean requestComplete() {
        return body.complete();
    }

    /** True once anything of a final response has been written to the caller. */
    public boolean responseStarted() {
        return responded;
    }

    // ---- the caller's side -------------------------------------------------------------------------

    /** A part of the request body from the caller; the exchange owns it from here. */
    public void onRequestContent(HttpContent part) {
        if (state == State.DONE) {
            discardRest(part);
            return;
        }
        body.add(part);
        if (body.complete()) {
            startCallersWait();
        }
        if (upstream != null && !bodySent) {
            bodySent = body.writeTo(upstream);
            if (bodySent && !caller.reading()) {
                upstream.flush(); // the last part came from the pipelining queue, with no read to flush after
            }
            if (!upstream.isWritable()) {
                downstream.config().setAutoRead(false);
            }
        } else if (body.pendingBytes() > 64 * 1024) {
            downstream.config().setAutoRead(false); // no connection yet: stop reading until there is one
        }
    }

    /** The caller's client starts its own timeout once it has sent the request, so its wait starts here. */
    private void startCallersWait() {
        long now = System.nanoTime();
        if (callerWaitNanos < deadlineNanos - now) {
            deadlineNanos = now + callerWaitNanos;
            callersDeadline = true;
            if (state != State.RELAYING && state != State.DONE) {
                armTimer();
            }
        }
    }

    /** The caller's burst of reads is over: send what it brought. */
    public void flushUpstream() {
        if (upstream != null) {
            upstream.flush();
        }
    }

    public void onCallerWritabilityChanged(boolean writable) {
        if (upstream != null && state == State.RELAYING) {
            upstream.config().setAutoRead(writable);
        }
    }

    /** The caller went away: drop everything. */
    public void abort() {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        cancelTimers();
        releaseBreaker();
        dropUpstream();
        body.release();
    }

    // ---- tries ------------------------------------------------------------------------------------

    private void attempt() {
        tries++;
        if (fixedAddress != null) {
            address = fixedAddress;
        } else {
            endpoint = cluster.pick(tried);
            if (endpoint == null) {
                failLocally(Reason.NO_ENDPOINT, "no endpoint of '" + cluster.name() + "' is available");
                return;
            }
            tried.add(endpoint);
            endpoint.onStart();
            address = cluster.socketAddress(endpoint);
        }
        state = State.CONNECTING;
        long perTry = cluster.perTryTimeoutNanos();
        tryDeadlineNanos = perTry > 0 ? System.nanoTime() + perTry : Long.MAX_VALUE;
        armTimer();
        int thisTry = tries;
        int connectMillis = (int) Math.max(1, Math.min(MAX_CONNECT_MILLIS, TimeUnit.NANOSECONDS.toMillis(nanosLeft())));
        ChannelFuture connect = pool.acquire(address, cluster.security(), this, connectMillis);
        if (connect.isDone()) {
            onConnected(thisTry, connect);
        } else {
            connect.addListener(f -> onConnected(thisTry, connect));
        }
    }

    private void onConnected(int thisTry, ChannelFuture connect) {
        if (thisTry != tries || state != State.CONNECTING) {
            if (connect.isSuccess()) {
                UpstreamPool.discard(connect.channel()); // this try was given up meanwhile
            }
            return;
        }
        if (!connect.isSuccess()) {
            connectFailure = connect.cause();
            endTry();
            onTryFailed(TryOutcome.connectFailure());
            return;
        }
        upstream = connect.channel();
        state = State.AWAITING_RESPONSE;
        if (tries > 1) {
            body.rewind();
        }
        upstream.write(head, upstream.voidPromise());
        bodySent = body.writeTo(upstream);
        if (!caller.reading()) {
            upstream.flush(); // a new connection or a retry: no caller read ends to flush it
        }
        downstream.config().setAutoRead(upstream.isWritable());
    }

    private void onTryFailed(TryOutcome outcome) {
        RetryPolicy.Decision decision = cluster.retryPolicy()
                .decide(tries, idempotent, body.replayable(), outcome, nanosLeft());
        if (decision.retry()) {
            retryAfter(decision.delayNanos());
            return;
        }
        if (decision.reason() == RetryPolicy.Reason.BUDGET_EXHAUSTED) {
            cluster.metrics().budgetExhausted();
            failLocally(Reason.RETRY_BUDGET_EXHAUSTED, "retry budget of '" + cluster.name() + "' is exhausted");
            return;
        }
        switch (outcome.kind()) {
            case CONNECT_FAILURE -> {
                if (connectFailure instanceof PeerIdentityException) {
                    failLocally(Reason.PEER_IDENTITY_MISMATCH, address + ": " + connectFailure.getMessage());
                } else if (isTlsFailure(connectFailure)) {
                    failLocally(Reason.UPSTREAM_TLS, "TLS with " + address + " failed: " + connectFailure.getMessage());
                } else {
                    failLocally(Reason.UPSTREAM_UNREACHABLE, "could not connect to " + address);
                }
            }
            case PER_TRY_TIMEOUT -> failLocally(Reason.TIMEOUT, "no response from " + address + " in time");
            default -> failLocally(Reason.UPSTREAM_RESET, "connection to " + address + " failed before a response");
        }
    }

    /** A handshake failure, possibly wrapped by the decoder that met it. */
    private static boolean isTlsFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private void retryAfter(long delayNanos) {
        cluster.metrics().retry();
        state = State.BACKOFF;
        if (delayNanos <= 0) {
            attempt();
        } else {
            downstream.eventLoop().schedule(() -> {
                if (state == State.BACKOFF) {
                    attempt();
                }
            }, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Schedules the timer for the earlier of the deadline and the try's end, unless it is already set for it. */
    private void armTimer() {
        long due = Math.min(deadlineNanos, tryDeadlineNanos);
        if (timer != null) {
            if (timerDueNanos == due) {
                return;
            }
            timer.cancel(false);
        }
        timerDueNanos = due;
        timer = downstream.eventLoop().schedule(this::onTimer, due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
        timer = null;
        long now = System.nanoTime();
        if (now - deadlineNanos >= 0) {
            onDeadline();
        } else if (now - tryDeadlineNanos >= 0) {
            onTryTimeout();
        } else if (state != State.RELAYING && state != State.DONE) {
            armTimer(); // set for a try that has ended since: the deadline still applies
        }
    }

    private void onTryTimeout() {
        if (state == State.CONNECTING || state == State.AWAITING_RESPONSE) {
            endTry();
            dropUpstream();
            onTryFailed(TryOutcome.perTryTimeout());
        }
    }

    private void onDeadline() {
        if (state != State.RELAYING && state != State.DONE) {
            endTry();
            dropUpstream();
            long waitedNanos = callersDeadline ? callerWaitNanos : cluster.timeoutNanos();
            String detail = "no response from '" + cluster.name() + "' within "
                    + TimeUnit.NANOSECONDS.toMillis(waitedNanos) + " ms";
            if (callersDeadline) {
                // The caller's own, shorter deadline: the service is not late by its own standard, so its breaker
                // is not told, just as when a caller gives up by closing the connection.
                releaseBreaker();
                replyLocally(Reason.TIMEOUT, detail);
            } else {
                failLocally(Reason.TIMEOUT, detail);
            }
        }
    }

    // ---- the upstream's side ----------------------------------------------------------------------

    @Override
    public void onResponse(HttpObject message) {
        if (message.decoderResult().isFailure()) {
            ReferenceCountUtil.release(message);
            onUpstreamFailure();
            return;
        }
        if (message instanceof HttpResponse response) {
            onResponseHead(response);
        }
        if (message instanceof HttpContent part) {
            onResponseContent(part);
        }
    }

    private void onResponseHead(HttpResponse response) {
        if (state != State.AWAITING_RESPONSE) {
            return;
        }
        if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            interim = true; // e.g. 100 Continue: pass it on and keep waiting for the final answer
            writeToCaller(response);
            return;
        }
        RetryPolicy.Decision decision = cluster.retryPolicy().decide(tries, idempotent, body.replayable(),
                TryOutcome.response(response.status().code()), nanosLeft());
        if (decision.retry()) {
            endTry();
            dropUpstream();
            retryAfter(decision.delayNanos());
            return;
        }
        if (decision.reason() == RetryPolicy.Reason.BUDGET_EXHAUSTED) {
            cluster.metrics().budgetExhausted();
        }
        state = State.RELAYING;
        cancelTimer();
        int status = response.status().code();
        recordResult(status >= 500);
        cluster.metrics().response(status, System.nanoTime() - startNanos);
        upstreamReusable = HttpUtil.isKeepAlive(response);
        HopByHop.strip(response.headers());
        if (!HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response)
                && mayHaveBody(status)) {
            HttpUtil.setTransferEncodingChunked(response, true); // re-frame a close-delimited body
        }
        if (!callerKeepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        responded = true;
        writeToCaller(response);
    }

    private void onResponseContent(HttpContent part) {
        if (interim) {
            interim = !(part instanceof LastHttpContent);
            writeToCaller(part);
            return;
        }
        if (state != State.RELAYING) {
            part.release();
            return;
        }
        writeToCaller(part);
        if (part instanceof LastHttpContent) {
            finish();
            return;
        }
        if (!downstream.isWritable()) {
            // Pause first: the flush may drain the buffer at once, and its writability event resumes reading.
            upstream.config().setAutoRead(false);
            downstream.flush();
        }
    }

    private void writeToCaller(HttpObject message) {
        downstream.write(message, downstream.voidPromise());
        callerUnflushed = true;
    }

    @Override
    public void onReadComplete() {
        flushCaller();
    }

    private void flushCaller() {
        if (callerUnflushed) {
            callerUnflushed = false;
            downstream.flush();
        }
    }

    @Override
    public void onWritabilityChanged(boolean writable) {
        if (!body.complete() && state != State.DONE) {
            downstream.config().setAutoRead(writable);
        }
    }

    @Override
    public void onClosed(Throwable cause) {
        upstream = null;
        onUpstreamFailure();
    }

    private void onUpstreamFailure() {
        switch (state) {
            case CONNECTING, AWAITING_RESPONSE -> {
                endTry();
                dropUpstream();
                onTryFailed(TryOutcome.reset());
            }
            case RELAYING -> {
                // Part of the response is already with the caller: cutting the connection is the only honest signal.
                state = State.DONE;
                endTry();
                dropUpstream();
                body.release();
                downstream.close();
                caller.exchangeDone(true);
            }
            default -> dropUpstream();
        }
    }

    // ---- endings ----------------------------------------------------------------------------------

    private void finish() {
        state = State.DONE;
        Channel connection = upstream;
        upstream = null;
        endTry();
        boolean reuse = upstreamReusable && bodySent;
        if (!reuse || !callerKeepAlive) {
            flushCaller(); // a connection closes: flush now, not when the burst of reads ends
        }
        if (reuse) {
            pool.release(connection);
        } else {
            UpstreamPool.discard(connection);
        }
        body.release();
        complete(!callerKeepAlive);
    }

    private void failLocally(Reason reason, String detail) {
        recordResult(true);
        replyLocally(reason, detail);
    }

    private void replyLocally(Reason reason, String detail) {
        state = State.DONE;
        cancelTimers();
        body.release();
        cluster.metrics().localReply(reason);
        cluster.metrics().response(reason.status().code(), System.nanoTime() - startNanos);
        responded = true;
        LocalReply.send(downstream, reason, detail, !callerKeepAlive);
        complete(!callerKeepAlive);
    }

    /**
     * The response is complete. The caller connection carries the next request once the rest of this
     * one's body has been read and dropped.
     */
    private void complete(boolean closeCaller) {
        if (closeCaller || body.complete()) {
            caller.exchangeDone(closeCaller);
        } else {
            downstream.config().setAutoRead(true);
        }
    }

    private void discardRest(HttpContent part) {
        discarded += part.content().readableBytes();
        boolean last = part instanceof LastHttpContent;
        part.release();
        if (last) {
            caller.exchangeDone(false);
        } else if (discarded > MAX_DISCARDED_BYTES) {
            downstream.close();
        }
    }

    private void recordResult(boolean failure) {
        if (!breakerHeld) {
            return;
        }
        breakerHeld = false;
        long elapsed = System.nanoTime() - startNanos;
        if (failure) {
            cluster.breaker().onFailure(elapsed);
        } else {
            cluster.breaker().onSuccess(elapsed);
        }
    }

    private void releaseBreaker() {
        if (breakerHeld) {
            breakerHeld = false;
            cluster.breaker().release();
        }
    }

    private void endTry() {
        tryDeadlineNanos = Long.MAX_VALUE;
        if (endpoint != null) {
            endpoint.onEnd();
            endpoint = null;
        }
    }

    private void dropUpstream() {
        if (upstream != null) {
            UpstreamPool.discard(upstream);
            upstream = null;
        }
    }

    private void cancelTimers() {
        cancelTimer();
        endTry();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private long nanosLeft() {
        return deadlineNanos - System.nanoTime();
    }

    private boolean mayHaveBody(int status) {
        return status != 204 && status != 304 && !HttpMethod.HEAD.equals(head.method());
    }
}
