package dev.outrigger.sidecar.config;

/**
 * The {@code outbound:} block: what the outbound listener accepts and how it treats hosts no service names.
 *
 * @param unknownHosts    default {@link UnknownHosts#PASSTHROUGH}
 * @param maxRequestLine  longest request line accepted, bytes (default 8 KiB; longer: 414 and close)
 * @param maxHeaderBytes  largest header block accepted, bytes (default 16 KiB; larger: 431 and close)
 * @param retryBodyLimit  request bodies up to this size are kept for a retry; a larger body streams
 *                        through and that request is not retried (default 64 KiB)
 * @param idleTimeout     idle keep-alive connections are closed after this: callers' connections after all of it, the
 *                        sidecar's own upstream connections after 90% of it (default 5m)
 * @param passthroughCa   the CA file trusted when the sidecar originates TLS to a host no service names (a call
 *                        the app made over https://); null means the JDK's system trust store
 */
public record OutboundSettings(
        UnknownHosts unknownHosts,
        int maxRequestLine,
        int maxHeaderBytes,
        int retryBodyLimit,
        java.time.Duration idleTimeout,
        java.nio.file.Path passthroughCa) {

    /** What to do with a host that no entry of {@code services} names. */
    public enum UnknownHosts {
        /** Forward it to where DNS says, with no policies. */
        PASSTHROUGH,
        /** Answer 502 with {@code x-outrigger-error: unknown-host}. */
        REJECT
    }
}
