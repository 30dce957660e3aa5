package dev.outrigger.sidecar.config;

import java.util.Map;

/**
 * The whole, validated sidecar configuration. Built only by {@link ConfigLoader}; every field is
 * set (defaults filled in), collections are unmodifiable.
 *
 * @param service     this workload's name (required)
 * @param trustDomain the SPIFFE trust domain, default {@code outrigger.local}
 * @param app         the local app that inbound traffic goes to, default 127.0.0.1:8080
 * @param tls         this sidecar's mesh certificate files; null when the file has no {@code tls:} block
  * @param inbound     the inbound listener's settings; null when the file has no {@code inbound:} block, and then
  *                    the inbound listener is not bound
 * @param services    upstream services by name, in file order
 * @param lifecycle   how the sidecar stops: leases and draining
 */
public record SidecarConfig(
        String service,
        String trustDomain,
        Listeners listeners,
        Address app,
        TlsFiles tls,
        InboundConfig inbound,
        OutboundSettings outbound,
        Map<String, ServiceConfig> services,
        LifecycleConfig lifecycle) {
}
