package dev.outrigger.sidecar.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;

/**
 * How a new upstream connection is secured before its first request. Pools keep connections of different
 * securities apart, so compare instances by identity: one per service and mode.
 */
@FunctionalInterface
public interface UpstreamSecurity {

    /** Plain HTTP: the connection is usable at once. */
    UpstreamSecurity PLAINTEXT = (channel, address) -> channel.newSucceededFuture();

    /**
     * Starts securing {@code channel}, just connected to {@code address} (as configured: host name or IP);
     * the future fails when the peer cannot be trusted.
     */
    ChannelFuture secure(Channel channel, InetSocketAddress address);
}
