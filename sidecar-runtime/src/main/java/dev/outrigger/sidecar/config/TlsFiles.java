package dev.outrigger.sidecar.config;

import java.nio.file.Path;

/**
 * The {@code tls:} block: this sidecar's mesh credentials, PEM files, paths resolved against the config file's
 * folder.
 *
 * @param ca   the mesh CA certificate(s) that every peer's certificate must chain to
 * @param cert this workload's certificate (chain), whose SPIFFE ID is {@code spiffe://<trust-domain>/<service>}
 * @param key  its private key
 */
public record TlsFiles(Path ca, Path cert, Path key) {
}
