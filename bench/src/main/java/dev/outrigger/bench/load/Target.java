package dev.outrigger.bench.load;

/**
 * Where the load goes: one HTTP/1.1 keep-alive endpoint on loopback.
 *
 * @param hostHeader the Host header to send (a sidecar routes by it; nginx and HAProxy ignore it)
 */
public record Target(String host, int port, String path, String hostHeader) {
}
