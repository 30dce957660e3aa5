package dev.outrigger.sidecar.pool;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Resolves upstream addresses: IP literals at once, host names with Netty's DNS resolver, made on the first name.
 * Making it binds a UDP socket and loads the DNS codec on the first connect: start-up time that a sidecar whose
 * endpoints are all IP addresses never needs to spend.
 */
public final class UpstreamResolver extends AddressResolverGroup<InetSocketAddress> {

    private final Supplier<DnsAddressResolverGroup> factory;
    private DnsAddressResolverGroup dns;

    public UpstreamResolver(Supplier<DnsAddressResolverGroup> factory) {
        this.factory = factory;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new AbstractAddressResolver<>(executor, InetSocketAddress.class) {
            @Override
            protected boolean doIsResolved(InetSocketAddress address) {
                return !address.isUnresolved();
            }

            @Override
            protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
                InetSocketAddress literal = literal(address);
                if (literal != null) {
                    promise.setSuccess(literal);
                } else {
                    dns().getResolver(executor()).resolve(address, promise);
                }
            }

            @Override
            protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
                InetSocketAddress literal = literal(address);
                if (literal != null) {
                    promise.setSuccess(List.of(literal));
                } else {
                    dns().getResolver(executor()).resolveAll(address, promise);
                }
            }
        };
    }

    /** The address of an IP literal host, or null for a host name. */
    private static InetSocketAddress literal(InetSocketAddress address) {
        byte[] ip = NetUtil.createByteArrayFromIpAddressString(address.getHostString());
        if (ip == null) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address.getHostString(), ip), address.getPort());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("NetUtil returned an address of " + ip.length + " bytes", e);
        }
    }

    private synchronized DnsAddressResolverGroup dns() {
        if (dns == null) {
            dns = factory.get();
        }
        return dns;
    }

    @Override
    public synchronized void close() {
        super.close();
        if (dns != null) {
            dns.close();
        }
    }
}
