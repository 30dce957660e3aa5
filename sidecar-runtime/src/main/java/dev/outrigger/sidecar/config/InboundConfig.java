package dev.outrigger.sidecar.config;

import java.util.List;

/**
 * The {@code inbound:} block. Its presence is what binds the inbound listener.
 *
 * @param mtls          whether plaintext callers are accepted besides mTLS ones, default {@link Mtls#STRICT}
 * @param authorization the rules in file order; empty means any caller that reached the listener is allowed
 */
public record InboundConfig(Mtls mtls, List<AuthorizationRule> authorization) {

    public enum Mtls {
        /** Every caller presents a client certificate of the trust domain. */
        STRICT,
        /** mTLS callers as in strict, and plaintext HTTP/1.1 callers (without identity) on the same port. */
        PERMISSIVE
    }
}
