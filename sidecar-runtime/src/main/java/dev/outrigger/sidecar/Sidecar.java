package dev.outrigger.sidecar;

import dev.outrigger.sidecar.admin.AdminServer;
import dev.outrigger.sidecar.admin.AdminServer.Page;
import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.config.Address;
import dev.outrigger.sidecar.config.ConfigRenderer;
import dev.outrigger.sidecar.config.ServiceConfig;
import dev.outrigger.sidecar.config.SidecarConfig;
import dev.outrigger.sidecar.config.LifecycleConfig;
import dev.outrigger.sidecar.inbound.InboundServer;
import dev.outrigger.sidecar.lifecycle.Drain;
import dev.outrigger.sidecar.lifecycle.InFlightRequests;
import dev.outrigger.sidecar.lifecycle.Leases;
import dev.outrigger.sidecar.metrics.MetricsRegistry;
import dev.outrigger.sidecar.metrics.ProxyMetrics;
import dev.outrigger.sidecar.outbound.OutboundServer;
import dev.outrigger.sidecar.policy.Breaker;
import dev.outrigger.sidecar.pool.UpstreamPool;
import dev.outrigger.sidecar.pool.UpstreamResolver;
import dev.outrigger.sidecar.proxy.Transport;
import dev.outrigger.sidecar.route.Router;
import dev.outrigger.sidecar.tls.InvalidMaterialException;
import dev.outrigger.sidecar.tls.MeshTls;
import dev.outrigger.sidecar.tls.SpiffeId;
import dev.outrigger.sidecar.tls.TlsSettings;
import dev.outrigger.sidecar.tls.TlsUpstream;
import dev.outrigger.sidecar.tls.UpstreamSecurity;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.concurrent.EventExecutor;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/** A running sidecar: its listeners, services and admin pages. */
public final class Sidecar implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Sidecar.class.getName());

    private final EventLoopGroup group;
    private final UpstreamResolver resolver;
    private final List<Channel> listeners;
    private final MeshTls meshTls;
    private final LifecycleConfig lifecycle;
    private final Leases leases = new Leases(this::lastLeaseEnded);
    private final InFlightRequests inFlight = new InFlightRequests();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean ready;

    private Sidecar(EventLoopGroup group, UpstreamResolver resolver, MeshTls meshTls, LifecycleConfig lifecycle) {
        this.group = group;
        this.resolver = resolver;
        this.listeners = new ArrayList<>();
        this.meshTls = meshTls;
        this.lifecycle = lifecycle;
    }

    /**
     * Binds every listener of {@code config} and returns once they accept connections.
     *
     * @throws InvalidMaterialException when a certificate, key or CA file of the config cannot be used
     */
    public static Sidecar start(SidecarConfig config) throws InterruptedException, InvalidMaterialException {
        return start(config, Clock.systemUTC());
    }

    /** {@link #start(SidecarConfig)} with the clock that certificate validity is judged by. */
    public static Sidecar start(SidecarConfig config, Clock clock) throws InterruptedException, InvalidMaterialException {
        long started = System.nanoTime();
        Transport transport = Transport.best();
        EventLoopGroup group = transport.newGroup(Runtime.getRuntime().availableProcessors());
        UpstreamResolver resolver = new UpstreamResolver(() -> new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(transport.datagramChannel())
                .socketChannelType(transport.socketChannel())));
        MeshTls meshTls = null;
        try {
            MetricsRegistry registry = new MetricsRegistry();
            ProxyMetrics metrics = new ProxyMetrics(registry);
            if (config.tls() != null) {
                meshTls = MeshTls.load(config.tls(), SpiffeId.ofService(config.trustDomain(), config.service()),
                        clock, registry);
                meshTls.startWatching();
            }
            Map<String, Cluster> clusters = new LinkedHashMap<>();
            for (ServiceConfig service : config.services().values()) {
                clusters.put(service.name().toLowerCase(Locale.ROOT),
                        Cluster.of(service, upstreamSecurity(service, meshTls), metrics));
            }
            registerBreakerStates(registry, clusters);
            Map<EventLoop, UpstreamPool> pools = new HashMap<>();
            for (EventExecutor executor : group) {
                EventLoop loop = (EventLoop) executor;
                pools.put(loop, new UpstreamPool(loop, transport, resolver, config.outbound().idleTimeout(),
                        config.outbound().maxHeaderBytes()));
            }
            Address outbound = config.listeners().outbound();
            Router router = new Router(clusters, config.outbound().unknownHosts(), outbound,
                    Cluster.passthrough(UpstreamSecurity.PLAINTEXT, metrics),
                    Cluster.passthrough(TlsUpstream.verifiedHost(config.outbound().passthroughCa()), metrics));
            Sidecar sidecar = new Sidecar(group, resolver, meshTls, config.lifecycle());
            sidecar.listeners.add(OutboundServer.bind(socket(outbound), group, transport, config.outbound(),
                    router, pools, metrics, sidecar.inFlight));
            if (config.inbound() != null) {
                MeshTls mesh = meshTls;
                sidecar.listeners.add(InboundServer.bind(config, mesh::serverContext, group,
                        transport, pools, metrics, registry, sidecar.inFlight));
            }
            registry.gauge("outrigger_leases", "Leases apps hold on this sidecar (GET /lease on the admin listener).",
                    new String[0], sink -> sink.set(sidecar.leases.held()));
            Map<String, Page> pages = new LinkedHashMap<>();
            pages.put("/ready", new Page("text/plain; charset=utf-8", () -> sidecar.ready() ? "ready\n"
                    : sidecar.ready ? "not ready: certificate expired\n" : "not ready\n"));
            pages.put("/live", new Page("text/plain; charset=utf-8", () -> "live\n"));
            pages.put("/metrics", new Page("text/plain; version=0.0.4; charset=utf-8", () -> {
                StringBuilder text = new StringBuilder(4096);
                registry.writeTo(text);
                return text.toString();
            }));
            pages.put("/config", new Page("application/yaml; charset=utf-8", () -> ConfigRenderer.toYaml(config)));
            Channel adminChannel = AdminServer.bind(socket(config.listeners().admin()), group, transport, pages,
                    sidecar::ready, sidecar.leases);
            sidecar.listeners.add(adminChannel);
            sidecar.awaitFirstLease(group.next());
            sidecar.ready = true;
            String tlsBy = meshTls == null ? "" : ", mesh TLS by " + TlsSettings.provider();
            LOG.info(() -> String.format("sidecar '%s' ready in %d ms: outbound %s, inbound %s, admin %s, %d services, "
                    + "%s transport%s", config.service(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    outbound, describeInbound(config), config.listeners().admin(), clusters.size(), transport.name(),
                    tlsBy));
            return sidecar;
        } catch (RuntimeException | InterruptedException | InvalidMaterialException e) {
            if (meshTls != null) {
                meshTls.close();
            }
            resolver.close();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    private static UpstreamSecurity upstreamSecurity(ServiceConfig service, MeshTls meshTls)
            throws InvalidMaterialException {
        return switch (service.tls()) {
            case NONE -> UpstreamSecurity.PLAINTEXT;
            case MESH -> TlsUpstream.mesh(meshTls, service.name());
            case TLS -> TlsUpstream.verifiedHost(service.ca());
        };
    }

    /** Started, not closing, and the certificate (if any) not expired. */
    private boolean ready() {
        return ready && (meshTls == null || !meshTls.expired());
    }

    private static String describeInbound(SidecarConfig config) {
        return config.inbound() == null ? "off"
                : config.listeners().inbound() + " (" + config.inbound().mtls().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static void registerBreakerStates(MetricsRegistry registry, Map<String, Cluster> clusters) {
        registry.gauge("outrigger_circuit_breaker_state",
                "Circuit breaker state per service: 1 for the current state, 0 for the others.",
                new String[] {"service", "state"}, sink -> {
                    for (Cluster cluster : clusters.values()) {
                        Breaker.State current = cluster.breaker().state();
                        for (Breaker.State state : Breaker.State.values()) {
                            sink.set(state == current ? 1 : 0, cluster.name(), state.label());
                        }
                    }
                });
    }

    private static InetSocketAddress socket(Address address) {
        return new InetSocketAddress(address.host(), address.port());
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** With {@code exit-with-lease}: the app is gone, so this sidecar goes too. */
    private void lastLeaseEnded() {
        if (lifecycle.exitWithLease()) {
            stopForLease("the last lease ended (the app is gone): stopping (lifecycle.exit-with-lease)");
        }
    }

    /** With {@code first-lease-within}: an app that has not taken a lease by then is taken to be gone already. */
    private void awaitFirstLease(EventLoop loop) {
        Duration within = lifecycle.firstLeaseWithin();
        if (lifecycle.exitWithLease() && within != null) {
            loop.schedule(() -> {
                if (leases.firstLeaseDue()) {
                    stopForLease("no app took a lease within " + within.toMillis()
                            + " ms (lifecycle.first-lease-within): stopping");
                }
            }, within.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops on a thread of its own (a stop waits; this runs on an event loop). */
    private void stopForLease(String why) {
        if (!closing.get()) {
            LOG.info(why);
            new Thread(this::close, "outrigger-lease-exit").start();
        }
    }

    /**
     * Stops within {@code lifecycle.drain}: keeps serving while apps hold leases (their shutdown hooks may still
     * call out), then stops accepting, waits for the requests in flight, and closes everything. Unready from the
     * start. A second call waits for the first to finish.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitTerminationUninterruptibly();
            return;
        }
        ready = false;
        try {
            Drain.Outcome outcome = Drain.of(lifecycle.drain()).run(leases::held, this::closeListeners, inFlight::count);
            LOG.info(() -> String.format("stopping after %d ms of drain%s", TimeUnit.NANOSECONDS.toMillis(outcome.tookNanos()),
                    outcome.complete() ? "" : String.format(": cut off %d leases and %d requests in flight",
                            outcome.leasesHeld(), outcome.requestsInFlight())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeListeners();
        }
        group.shutdownGracefully(0, 1_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        resolver.close();
        if (meshTls != null) {
            meshTls.close();
        }
        terminated.countDown();
    }

    private void closeListeners() {
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
    }

    private void awaitTerminationUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                terminated.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
