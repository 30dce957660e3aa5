package dev.outrigger.sidecar.config;

/** Where the sidecar listens. Defaults: outbound 127.0.0.1:15001, inbound 0.0.0.0:15006, admin 127.0.0.1:15000. */
public record Listeners(Address outbound, Address inbound, Address admin) {
}
