package dev.outrigger.sidecar.config;

import java.util.List;

/**
 * One entry of {@code inbound.authorization}: it matches a request when the caller, the method and the path
 * all match.
 *
 * @param from    {@code *}, service names of the trust domain, or SPIFFE IDs of the trust domain; default {@code [*]}
 * @param methods upper-case method names; empty (the default) matches every method
 * @param paths   path patterns (see docs/configuration.md); default {@code [/**]}
 * @param action  default {@link Action#ALLOW}
 */
public record AuthorizationRule(List<String> from, List<String> methods, List<String> paths, Action action) {

    public enum Action {
        ALLOW,
        DENY
    }
}
