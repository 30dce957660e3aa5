package dev.outrigger.sidecar.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpstreamResolverTest {

    @Test
    void resolvesIpLiteralsItselfAndMakesTheDnsResolverOnTheFirstName() throws Exception {
        AtomicInteger made = new AtomicInteger();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (UpstreamResolver resolver = new UpstreamResolver(() -> {
            made.incrementAndGet();
            return new DnsAddressResolverGroup(new DnsNameResolverBuilder().datagramChannelType(NioDatagramChannel.class));
        })) {
            EventLoop loop = group.next();
            InetSocketAddress ip = resolver.getResolver(loop)
                    .resolve(InetSocketAddress.createUnresolved("127.0.0.2", 8080)).get(5, TimeUnit.SECONDS);
            assertEquals("127.0.0.2", ip.getAddress().getHostAddress());
            assertEquals(8080, ip.getPort());
            assertEquals(0, made.get(), "no DNS resolver for an IP literal");

            InetSocketAddress named = resolver.getResolver(loop)
                    .resolve(InetSocketAddress.createUnresolved("localhost", 8081)).get(5, TimeUnit.SECONDS);
            assertTrue(named.getAddress().isLoopbackAddress(), named.toString());
            assertEquals(8081, named.getPort());
            assertEquals(1, made.get());
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }
}
