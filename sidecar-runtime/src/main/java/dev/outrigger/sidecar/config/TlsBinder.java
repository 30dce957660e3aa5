package dev.outrigger.sidecar.config;

import dev.outrigger.sidecar.config.ServiceConfig.UpstreamTls;
import java.nio.file.Path;
import java.util.Map;

/** Binds the top-level {@code tls:} block and the rules that make it required. */
final class TlsBinder {

    private TlsBinder() {
    }

    static ValueReader<TlsFiles> reader(Path baseDir) {
        ValueReader<Path> file = Readers.file(baseDir);
        return Readers.section(fields -> new TlsFiles(
                fields.require("ca", file), fields.require("cert", file), fields.require("key", file)));
    }

    /** A service with {@code tls: mesh} needs this sidecar's certificate. */
    static void requireForMesh(Fields root, TlsFiles tls, Map<String, ServiceConfig> services) {
        if (tls != null || !root.valid("tls")) {
            return;
        }
        services.values().stream().filter(service -> service.tls() == UpstreamTls.MESH).findFirst().ifPresent(
                service -> root.error("tls", "is required: service '" + service.name()
                        + "' uses tls: mesh (add tls: {ca: ..., cert: ..., key: ...})"));
    }
}
