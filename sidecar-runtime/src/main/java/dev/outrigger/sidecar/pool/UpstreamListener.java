package dev.outrigger.sidecar.pool;

import io.netty.handler.codec.http.HttpObject;

/** Receives what happens on an upstream connection while one request owns it. */
public interface UpstreamListener {

    /** A response head or body part; the listener owns (and must release) it. */
    void onResponse(HttpObject message);

    /**
     * The burst of reads that brought this listener a message is over: the moment to flush what was relayed. Called
     * even when the listener gave the connection back during the burst.
     */
    void onReadComplete();

    void onWritabilityChanged(boolean writable);

    /** The connection closed or failed; {@code cause} is null for an orderly close by the peer. */
    void onClosed(Throwable cause);
}
