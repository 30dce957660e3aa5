package dev.outrigger.sidecar.config;

import dev.outrigger.sidecar.config.OutboundSettings.UnknownHosts;
import dev.outrigger.sidecar.config.YamlNode.Entry;
import dev.outrigger.sidecar.config.YamlNode.MapNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds the top level of the file: identity, listeners, the outbound block and the services. */
final class SidecarConfigBinder {

    static final String DEFAULT_TRUST_DOMAIN = "outrigger.local";
    static final Listeners DEFAULT_LISTENERS = new Listeners(
            new Address("127.0.0.1", 15001), new Address("0.0.0.0", 15006), new Address("127.0.0.1", 15000));
    static final Address DEFAULT_APP = new Address("127.0.0.1", 8080);
    static final OutboundSettings DEFAULT_OUTBOUND = new OutboundSettings(
            UnknownHosts.PASSTHROUGH, 8 << 10, 16 << 10, 64 << 10, Duration.ofMinutes(5), null);

    static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern TRUST_DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,253}[a-z0-9])?");

    private SidecarConfigBinder() {
    }

    static SidecarConfig bind(Fields root, Path baseDir) {
        String service = root.require("service", Readers.text().check(SERVICE_NAME.asMatchPredicate(),
                name -> "'" + name + "' is not a valid service name: lower-case letters, digits and inner dashes, "
                        + "at most 63 characters"));
        String trustDomain = root.get("trust-domain", Readers.text().check(TRUST_DOMAIN.asMatchPredicate(),
                domain -> "'" + domain + "' is not a valid trust domain: lower-case letters, digits, '.', '-', '_'"),
                DEFAULT_TRUST_DOMAIN);
        Listeners listeners = root.get("listeners", Readers.section(SidecarConfigBinder::listeners), DEFAULT_LISTENERS);
        Address app = root.get("app", Readers.address(), DEFAULT_APP);
        if (root.valid("app") && HostPort.reaches(app, listeners.inbound())) {
            root.error("app", "is the sidecar's own inbound listener (" + listeners.inbound() + "); that would loop");
        }
        TlsFiles tls = root.get("tls", TlsBinder.reader(baseDir), null);
        InboundConfig inbound = root.get("inbound",
                Readers.section(fields -> InboundBinder.bind(fields, trustDomain)), null);
        if (inbound != null && tls == null && root.valid("tls")) {
            root.error("inbound", "needs a tls: block (the certificate the inbound listener presents)");
        }
        OutboundSettings outbound = root.get("outbound", Readers.section(fields -> outbound(fields, baseDir)),
                DEFAULT_OUTBOUND);
        boolean meshCredentials = tls != null || !root.valid("tls"); // a broken block is reported already
        Map<String, ServiceConfig> services = root.get("services",
                services(listeners.outbound(), baseDir, meshCredentials), Map.of());
        LifecycleConfig lifecycle = root.get("lifecycle", Readers.section(SidecarConfigBinder::lifecycle),
                LifecycleConfig.DEFAULT);
        return new SidecarConfig(service, trustDomain, listeners, app, tls, inbound, outbound, services, lifecycle);
    }

    private static LifecycleConfig lifecycle(Fields fields) {
        LifecycleConfig d = LifecycleConfig.DEFAULT;
        boolean exitWithLease = fields.get("exit-with-lease", Readers.bool(), d.exitWithLease());
        Duration firstLeaseWithin = fields.get("first-lease-within", Readers.duration(), d.firstLeaseWithin());
        if (firstLeaseWithin != null && !exitWithLease && fields.valid("exit-with-lease")) {
            fields.error("first-lease-within", "needs exit-with-lease: true (without it the sidecar never exits "
                    + "for want of a lease)");
        }
        return new LifecycleConfig(exitWithLease, fields.get("drain", Readers.duration(), d.drain()),
                firstLeaseWithin);
    }

    private static Listeners listeners(Fields fields) {
        Address outbound = fields.get("outbound", Readers.address(), DEFAULT_LISTENERS.outbound());
        Address inbound = fields.get("inbound", Readers.address(), DEFAULT_LISTENERS.inbound());
        Address admin = fields.get("admin", Readers.address(), DEFAULT_LISTENERS.admin());
        rejectConflict(fields, "inbound", inbound, "outbound", outbound);
        rejectConflict(fields, "admin", admin, "outbound", outbound);
        rejectConflict(fields, "admin", admin, "inbound", inbound);
        return new Listeners(outbound, inbound, admin);
    }

    private static void rejectConflict(Fields fields, String key, Address address, String otherKey, Address other) {
        if (fields.valid(key, otherKey) && HostPort.bindConflict(address, other)) {
            fields.error(key, address + " conflicts with listeners." + otherKey + " (" + other + ")");
        }
    }

    private static OutboundSettings outbound(Fields fields, Path baseDir) {
        OutboundSettings d = DEFAULT_OUTBOUND;
        return new OutboundSettings(
                fields.get("unknown-hosts", Readers.oneOf(UnknownHosts.class), d.unknownHosts()),
                fields.get("max-request-line", Readers.size(), d.maxRequestLine()),
                fields.get("max-header-size", Readers.size(), d.maxHeaderBytes()),
                fields.get("retry-body-limit", Readers.size(), d.retryBodyLimit()),
                fields.get("idle-timeout", Readers.duration(), d.idleTimeout()),
                fields.get("passthrough-ca", Readers.file(baseDir), d.passthroughCa()));
    }

    /** The {@code services:} map: keys are names chosen by the user, so they are checked here, not as fields. */
    private static ValueReader<Map<String, ServiceConfig>> services(Address outboundListener, Path baseDir,
                                                                     boolean meshCredentials) {
        return (node, path, problems) -> {
            if (!(node instanceof MapNode map)) {
                return Readers.mismatch("a map of service names to services", node, path, problems);
            }
            Map<String, ServiceConfig> services = new LinkedHashMap<>();
            Map<String, Entry> byLowerCaseName = new HashMap<>();
            for (Entry entry : map.entries().values()) {
                String servicePath = Problems.child(path, entry.key());
                if (!HostPort.isHostName(entry.key())) {
                    problems.add(servicePath, entry.line(), "'" + entry.key() + "' is not a valid service name: "
                            + "use a host name such as payments or payments.internal");
                }
                Entry sameName = byLowerCaseName.putIfAbsent(entry.key().toLowerCase(Locale.ROOT), entry);
                if (sameName != null) {
                    problems.add(servicePath, entry.line(), "same name as '" + sameName.key() + "' (line "
                            + sameName.line() + "); service names are case-insensitive");
                }
                ServiceConfig service = Readers.section(fields -> ServiceBinder.bind(entry.key(), fields, outboundListener, baseDir, meshCredentials))
                        .read(entry.value(), servicePath, problems);
                if (service != null) {
                    services.put(entry.key(), service);
                }
            }
            return Collections.unmodifiableMap(services);
        };
    }
}
