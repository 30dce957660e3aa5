package dev.outrigger.sidecar.config;

import dev.outrigger.sidecar.config.AuthorizationRule.Action;
import dev.outrigger.sidecar.config.InboundConfig.Mtls;
import dev.outrigger.sidecar.inbound.PathPattern;
import dev.outrigger.sidecar.tls.SpiffeId;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Binds the {@code inbound:} block and its authorization rules. */
final class InboundBinder {

    static final List<String> ANY_CALLER = List.of("*");
    static final List<String> ANY_PATH = List.of("/**");

    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    private InboundBinder() {
    }

    static InboundConfig bind(Fields fields, String trustDomain) {
        Mtls mtls = fields.get("mtls", Readers.oneOf(Mtls.class), Mtls.STRICT);
        List<AuthorizationRule> rules = fields.get("authorization",
                Readers.listOf(Readers.section(ruleFields -> rule(ruleFields, trustDomain))), List.of());
        return new InboundConfig(mtls, rules);
    }

    private static AuthorizationRule rule(Fields fields, String trustDomain) {
        List<String> from = fields.get("from", nonEmptyList(caller(trustDomain)), ANY_CALLER);
        List<String> methods = fields.get("methods", nonEmptyList(Readers.text().check(METHOD.asMatchPredicate(),
                method -> "'" + method + "' is not a method name: upper-case letters, like GET")), List.of());
        List<String> paths = fields.get("paths", nonEmptyList(Readers.parsed(validPattern())), ANY_PATH);
        Action action = fields.get("action", Readers.oneOf(Action.class), Action.ALLOW);
        // a broken rule is left out, not replaced by defaults that could pass for a rule of its own
        return fields.valid("from", "methods", "paths", "action")
                ? new AuthorizationRule(from, methods, paths, action) : null;
    }

    /** {@code *}, a service name, or a SPIFFE ID of this trust domain (no other trust domain is ever accepted). */
    private static ValueReader<String> caller(String trustDomain) {
        return Readers.parsed(text -> {
            if (text.equals("*") || SidecarConfigBinder.SERVICE_NAME.matcher(text).matches()) {
                return text;
            }
            if (!text.startsWith("spiffe://")) {
                throw new IllegalArgumentException("'" + text + "' is neither *, a service name nor a spiffe:// ID");
            }
            SpiffeId id = SpiffeId.parse(text);
            if (!id.trustDomain().equals(trustDomain)) {
                throw new IllegalArgumentException("'" + text + "' is in trust domain '" + id.trustDomain()
                        + "', but only '" + trustDomain + "' is accepted");
            }
            return text;
        });
    }

    private static Function<String, String> validPattern() {
        return text -> {
            PathPattern.compile(text);
            return text;
        };
    }

    private static <T> ValueReader<List<T>> nonEmptyList(ValueReader<T> itemReader) {
        return Readers.listOf(itemReader).check(list -> !list.isEmpty(),
                list -> "must not be empty; leave the field out for its default");
    }
}
