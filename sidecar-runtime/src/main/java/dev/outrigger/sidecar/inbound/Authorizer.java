package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.config.AuthorizationRule;
import dev.outrigger.sidecar.tls.SpiffeId;

import java.util.List;
import java.util.Set;

/**
 * Decides whether a caller may make a request: a matching deny rule refuses; otherwise, when there are allow
 * rules, one of them must match; with no allow rules every caller is allowed.
 */
public final class Authorizer {

    private final List<Rule> denyRules;
    private final List<Rule> allowRules;

    private Authorizer(List<Rule> denyRules, List<Rule> allowRules) {
        this.denyRules = denyRules;
        this.allowRules = allowRules;
    }

    /** @param rules validated rules, whose service names are read in {@code trustDomain} */
    public static Authorizer of(List<AuthorizationRule> rules, String trustDomain) {
        List<Rule> compiled = rules.stream().map(rule -> Rule.of(rule, trustDomain)).toList();
        return new Authorizer(compiled.stream().filter(Rule::deny).toList(),
                compiled.stream().filter(rule -> !rule.deny()).toList());
    }

    /**
     * @param caller the verified identity, or null for a plaintext caller (permissive mode), which only
     *               {@code from: [*]} matches
     * @param path   the normalized path ({@link RequestTarget#path()})
     */
    public boolean allows(SpiffeId caller, String method, String path) {
        for (Rule rule : denyRules) {
            if (rule.matches(caller, method, path)) {
                return false;
            }
        }
        if (allowRules.isEmpty()) {
            return true;
        }
        for (Rule rule : allowRules) {
            if (rule.matches(caller, method, path)) {
                return true;
            }
        }
        return false;
    }

    private record Rule(boolean anyCaller, Set<SpiffeId> callers, Set<String> methods, List<PathPattern> paths,
                        boolean deny) {

        static Rule of(AuthorizationRule rule, String trustDomain) {
            boolean anyCaller = rule.from().contains("*");
            Set<SpiffeId> callers = anyCaller ? Set.of() : Set.copyOf(rule.from().stream()
                    .map(from -> from.startsWith("spiffe://") ? SpiffeId.parse(from)
                            : new SpiffeId(trustDomain, "/" + from))
                    .toList());
            return new Rule(anyCaller, callers, Set.copyOf(rule.methods()),
                    rule.paths().stream().map(PathPattern::compile).toList(),
                    rule.action() == AuthorizationRule.Action.DENY);
        }

        boolean matches(SpiffeId caller, String method, String path) {
            return (anyCaller || caller != null && callers.contains(caller))
                    && (methods.isEmpty() || methods.contains(method))
                    && paths.stream().anyMatch(pattern -> pattern.matches(path));
        }
    }
}
