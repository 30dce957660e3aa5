package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.config.AuthorizationRule;
import dev.outrigger.sidecar.config.AuthorizationRule.Action;
import dev.outrigger.sidecar.tls.SpiffeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizerTest {

    private static final String DOMAIN = "outrigger.local";
    private static final SpiffeId CHECKOUT = SpiffeId.parse("spiffe://outrigger.local/checkout");
    private static final SpiffeId REPORTING = SpiffeId.parse("spiffe://outrigger.local/reporting");
    private static final SpiffeId BILLING = SpiffeId.parse("spiffe://outrigger.local/billing");

    private final Authorizer rules = Authorizer.of(List.of(
            rule(List.of("checkout"), List.of("GET", "POST"), List.of("/orders/**"), Action.ALLOW),
            rule(List.of("spiffe://outrigger.local/reporting"), List.of("GET"), List.of("/orders/*/summary"),
                    Action.ALLOW),
            rule(List.of("*"), List.of(), List.of("/health"), Action.ALLOW),
            rule(List.of("*"), List.of(), List.of("/orders/admin/**"), Action.DENY),
            rule(List.of("checkout"), List.of("POST"), List.of("/orders/*/cancel"), Action.DENY)), DOMAIN);

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "checkout,  GET,    /orders,              true",
            "checkout,  GET,    /orders/7/items,      true",
            "checkout,  POST,   /orders/7,            true",
            "checkout,  DELETE, /orders/7,            false",
            "checkout,  GET,    /orders/admin,        false",
            "checkout,  GET,    /orders/admin/users,  false",
            "checkout,  POST,   /orders/7/cancel,     false",
            "checkout,  GET,    /orders/7/cancel,     true",
            "checkout,  GET,    /invoices,            false",
            "reporting, GET,    /orders/7/summary,    true",
            "reporting, GET,    /orders/7/summary/,   true",
            "reporting, GET,    /orders/7/8/summary,  false",
            "reporting, GET,    /orders/7,            false",
            "reporting, POST,   /orders/7/summary,    false",
            "billing,   GET,    /health,              true",
            "billing,   GET,    /orders/7,            false",
            "plaintext, GET,    /health,              true",
            "plaintext, GET,    /orders/7,            false",
    })
    void denyWinsAndAllowRulesAreAnAllowList(String caller, String method, String path, boolean allowed) {
        assertEquals(allowed, rules.allows(caller(caller), method, path));
    }

    @Test
    void noRulesAllowEveryCaller() {
        Authorizer none = Authorizer.of(List.of(), DOMAIN);
        assertTrue(none.allows(BILLING, "DELETE", "/anything"));
        assertTrue(none.allows(null, "GET", "/"));
    }

    @Test
    void denyRulesAloneAllowTheRest() {
        Authorizer denyOnly = Authorizer.of(List.of(
                rule(List.of("*"), List.of(), List.of("/admin/**"), Action.DENY)), DOMAIN);
        assertTrue(denyOnly.allows(CHECKOUT, "GET", "/orders"));
        assertFalse(denyOnly.allows(CHECKOUT, "GET", "/admin"));
        assertFalse(denyOnly.allows(null, "GET", "/Admin/x"), "a deny from * covers plaintext callers too");
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "/orders,      /orders,       true",
            "/orders,      /orders/,      true",
            "/orders,      /ORDERS,       true",
            "/orders,      /orders/7,     false",
            "/orders,      /ordersx,      false",
            "/orders/*,    /orders/7,     true",
            "/orders/*,    /orders/7/x,   false",
            "/orders/*,    /orders,       false",
            "/v1/*.json,   /v1/a.json,    true",
            "/v1/*.json,   /v1/a.jsonx,   false",
            "/orders/**,   /orders,       true",
            "/orders/**,   /orders/7/x/y, true",
            "/orders/**,   /ordersx,      false",
            "/**,          /,             true",
            "/**,          /a/b,          true",
            "/,            /,             true",
            "/,            /a,            false",
            "/a.b,         /aXb,          false",
    })
    void pathPatterns(String pattern, String path, boolean matches) {
        assertEquals(matches, PathPattern.compile(pattern).matches(path));
    }

    @ParameterizedTest(name = "{0} is not a pattern")
    @ValueSource(strings = {"orders", "/a//b", "/a/./b", "/a/../b", "/a**", "/**/a", "/a%2Fb", "/a?b", "/a;b", "/a b",
            "/a\\b"})
    void invalidPatterns(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile(pattern));
    }

    private static SpiffeId caller(String name) {
        return switch (name) {
            case "checkout" -> CHECKOUT;
            case "reporting" -> REPORTING;
            case "billing" -> BILLING;
            default -> null;
        };
    }

    private static AuthorizationRule rule(List<String> from, List<String> methods, List<String> paths, Action action) {
        return new AuthorizationRule(from, methods, paths, action);
    }
}
