package dev.outrigger.sidecar.config;

import java.nio.file.Path;

/** Binds the top-level {@code tls:} block. */
final class TlsBinder {

    private TlsBinder() {
    }

    static ValueReader<TlsFiles> reader(Path baseDir) {
        ValueReader<Path> file = Readers.file(baseDir);
        return Readers.section(fields -> new TlsFiles(
                fields.require("ca", file), fields.require("cert", file), fields.require("key", file)));
    }
}
