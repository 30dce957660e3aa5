package dev.outrigger.sidecar.config;

import java.nio.file.Path;

/**
 * This sidecar's TLS material, PEM files as written in the config (relative paths are resolved against the
 * working directory).
 *
 * @param ca   the trusted CA certificate(s)
 * @param cert this workload's certificate (chain), whose URI SAN is its SPIFFE ID
 * @param key  the certificate's private key (PKCS#8)
 */
public record TlsConfig(Path ca, Path cert, Path key) {
}
