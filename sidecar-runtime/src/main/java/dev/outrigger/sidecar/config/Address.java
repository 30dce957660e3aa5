package dev.outrigger.sidecar.config;

/** A host and port as written in the config, e.g. {@code 127.0.0.1:15001}. */
public record Address(String host, int port) {
    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
