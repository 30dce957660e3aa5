package dev.outrigger.sidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.config.OutboundSettings.UnknownHosts;
import dev.outrigger.sidecar.config.RetryConfig.RetryOn;
import dev.outrigger.sidecar.config.ServiceConfig.Balancer;
import dev.outrigger.sidecar.config.ServiceConfig.UpstreamTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final String FULL = """
            service: orders
            trust-domain: example.org
            listeners: {outbound: 127.0.0.1:16001, inbound: 0.0.0.0:16006, admin: 127.0.0.1:16000}
            app: 127.0.0.1:9090
            outbound:
              unknown-hosts: reject
              max-request-line: 4KiB
              max-header-size: 1MiB
              retry-body-limit: 1000
              idle-timeout: 2m
            services:
              payments:
                endpoints: [127.0.0.2:8080, "[::1]:8081", payments-1.internal:8080]
                tls: none
                balancer: least-request
                timeout: 2s
                retry:
                  attempts: 3
                  per-try-timeout: 500ms
                  on: [connect-failure, reset, gateway-error, per-try-timeout]
                  statuses: [429, 503]
                  budget: 12.5%
                  min-retries-per-second: 5
                  backoff: {base: 10ms, max: 1.5s}
                  non-idempotent: true
                circuit-breaker:
                  failure-rate: 60%
                  window: 30
                  minimum-calls: 15
                  open-for: 1h
                  half-open-calls: 2
              Inventory.internal:
                endpoints: [127.0.0.4:8080]
                circuit-breaker: off
            lifecycle: {exit-with-lease: true, drain: 250ms, first-lease-within: 30s}
            """;

    @Test
    void readsEveryField() throws ConfigException {
        SidecarConfig config = ConfigLoader.parse(FULL, "sidecar.yaml");

        assertEquals("orders", config.service());
        assertEquals("example.org", config.trustDomain());
        assertEquals(new Listeners(new Address("127.0.0.1", 16001), new Address("0.0.0.0", 16006),
                new Address("127.0.0.1", 16000)), config.listeners());
        assertEquals(new Address("127.0.0.1", 9090), config.app());
        assertEquals(new OutboundSettings(UnknownHosts.REJECT, 4096, 1 << 20, 1000, Duration.ofMinutes(2), null),
                config.outbound());
        assertEquals(List.of("payments", "Inventory.internal"), List.copyOf(config.services().keySet()));

        ServiceConfig payments = config.services().get("payments");
        assertEquals("payments", payments.name());
        assertEquals(List.of(new Address("127.0.0.2", 8080), new Address("::1", 8081),
                new Address("payments-1.internal", 8080)), payments.endpoints());
        assertEquals(UpstreamTls.NONE, payments.tls());
        assertEquals(Balancer.LEAST_REQUEST, payments.balancer());
        assertEquals(Duration.ofSeconds(2), payments.timeout());
        assertEquals(new RetryConfig(3, Duration.ofMillis(500),
                Set.of(RetryOn.CONNECT_FAILURE, RetryOn.RESET, RetryOn.GATEWAY_ERROR, RetryOn.PER_TRY_TIMEOUT),
                Set.of(429, 503), 0.125, 5, Duration.ofMillis(10), Duration.ofMillis(1500), true), payments.retry());
        assertEquals(new CircuitBreakerConfig(0.6, 30, 15, Duration.ofHours(1), 2, true), payments.circuitBreaker());

        assertFalse(config.services().get("Inventory.internal").circuitBreaker().enabled());
        assertEquals(new LifecycleConfig(true, Duration.ofMillis(250), Duration.ofSeconds(30)), config.lifecycle());
    }

    @Test
    void fillsDefaults() throws ConfigException {
        SidecarConfig config = ConfigLoader.parse("""
                service: orders
                services:
                  payments:
                    endpoints: [127.0.0.2:8080]
                """, "sidecar.yaml");

        assertEquals("outrigger.local", config.trustDomain());
        assertEquals(new Listeners(new Address("127.0.0.1", 15001), new Address("0.0.0.0", 15006),
                new Address("127.0.0.1", 15000)), config.listeners());
        assertEquals(new Address("127.0.0.1", 8080), config.app());
        assertEquals(new OutboundSettings(UnknownHosts.PASSTHROUGH, 8192, 16384, 65536, Duration.ofMinutes(5), null),
                config.outbound());
        ServiceConfig payments = config.services().get("payments");
        assertEquals(UpstreamTls.NONE, payments.tls());
        assertEquals(Balancer.ROUND_ROBIN, payments.balancer());
        assertEquals(Duration.ofSeconds(15), payments.timeout());
        assertEquals(RetryConfig.DEFAULT, payments.retry());
        assertEquals(CircuitBreakerConfig.DEFAULT, payments.circuitBreaker());
        assertEquals(new LifecycleConfig(false, Duration.ofSeconds(5), null), config.lifecycle());
    }

    @Test
    void badLifecycleValuesAreErrors() {
        assertEquals(List.of(
                "sidecar.yaml:3: lifecycle.exit-with-lease: expected true or false, got 'yes please'",
                "sidecar.yaml:4: lifecycle.drain: must be greater than 0, got '0s'",
                "sidecar.yaml:5: lifecycle.drian: unknown field 'drian' (did you mean 'drain'?)"), errors("""
                service: orders
                lifecycle:
                  exit-with-lease: yes please
                  drain: 0s
                  drian: 1s
                """));
    }

    @Test
    void aFirstLeaseDeadlineNeedsExitWithLeaseAndAPositiveDuration() {
        assertEquals(List.of("sidecar.yaml:2: lifecycle.first-lease-within: needs exit-with-lease: true (without it "
                + "the sidecar never exits for want of a lease)"), errors("""
                service: orders
                lifecycle: {first-lease-within: 30s}
                """));
        assertEquals(List.of("sidecar.yaml:2: lifecycle.first-lease-within: must be greater than 0, got '0s'"),
                errors("""
                service: orders
                lifecycle: {exit-with-lease: true, first-lease-within: 0s}
                """));
    }

    @Test
    void partialBlocksTakeTheRestFromTheirDefaults() throws ConfigException {
        ServiceConfig payments = ConfigLoader.parse("""
                service: orders
                services:
                  payments:
                    endpoints: [127.0.0.2:8080]
                    retry: {attempts: 4}
                    circuit-breaker: {window: 5}
                """, "sidecar.yaml").services().get("payments");

        RetryConfig d = RetryConfig.DEFAULT;
        assertEquals(new RetryConfig(4, null, d.on(), d.statuses(), d.budget(), d.minRetriesPerSecond(),
                d.backoffBase(), d.backoffMax(), d.nonIdempotent()), payments.retry());
        assertEquals(5, payments.circuitBreaker().window());
        assertEquals(5, payments.circuitBreaker().minimumCalls(), "an absent minimum-calls is capped by the window");
    }

    @Test
    void resultIsImmutable() throws ConfigException {
        SidecarConfig config = ConfigLoader.parse(FULL, "sidecar.yaml");
        ServiceConfig payments = config.services().get("payments");

        assertThrows(UnsupportedOperationException.class, () -> config.services().remove("payments"));
        assertThrows(UnsupportedOperationException.class, () -> payments.endpoints().clear());
        assertThrows(UnsupportedOperationException.class, () -> payments.retry().on().clear());
        assertThrows(UnsupportedOperationException.class, () -> payments.retry().statuses().clear());
    }

    @Test
    void reportsEveryErrorAtOnceInLineOrder() {
        List<String> errors = errors("""
                service: orders
                services:
                  payments:
                    endpoints: [127.0.0.2:8080, 127.0.0.3:0]
                    timeout: fast
                    retry:
                      attempts: 0
                      budget: 150%
                  ledger:
                    balancer: random
                """);

        assertEquals(List.of(
                "sidecar.yaml:4: services.payments.endpoints[1]: port must be between 1 and 65535, got '0'",
                "sidecar.yaml:5: services.payments.timeout: expected a duration like 500ms, 2s, 1.5s, 1m or 1h, got 'fast'",
                "sidecar.yaml:7: services.payments.retry.attempts: must be between 1 and 10, got 0",
                "sidecar.yaml:8: services.payments.retry.budget: must be between 0% and 100%, got 150%",
                "sidecar.yaml:10: services.ledger.endpoints: is required",
                "sidecar.yaml:10: services.ledger.balancer: must be one of round-robin, least-request, got 'random'"),
                errors);
    }

    @Test
    void unknownKeysAreErrorsWithASuggestion() {
        List<String> errors = errors("""
                service: orders
                servces: {}
                services:
                  payments:
                    endpoints: [127.0.0.2:8080]
                    retires: {attempts: 2}
                    colour: blue
                """);

        assertEquals(List.of(
                "sidecar.yaml:2: servces: unknown field 'servces' (did you mean 'services'?)",
                "sidecar.yaml:6: services.payments.retires: unknown field 'retires' (did you mean 'retry'?)",
                "sidecar.yaml:7: services.payments.colour: unknown field 'colour'"), errors);
    }

    @Test
    void misspeltEnumValueGetsASuggestion() {
        assertEquals(List.of("sidecar.yaml:4: services.payments.balancer: must be one of round-robin, least-request,"
                + " got 'round-robbin' (did you mean 'round-robin'?)"),
                serviceErrors("balancer: round-robbin"));
    }

    @Test
    void wrongTypesAreErrors() {
        List<String> errors = errors("""
                service: [orders]
                listeners: 127.0.0.1:15001
                services:
                  payments:
                    endpoints: 127.0.0.2:8080
                    retry:
                      attempts: "3"
                      non-idempotent: maybe
                      statuses: 429
                """);

        assertEquals(List.of(
                "sidecar.yaml:1: service: expected a value, got a list",
                "sidecar.yaml:2: listeners: expected a map, got '127.0.0.1:15001'",
                "sidecar.yaml:5: services.payments.endpoints: expected a list, got '127.0.0.2:8080'",
                "sidecar.yaml:7: services.payments.retry.attempts: expected an integer, got '3'",
                "sidecar.yaml:8: services.payments.retry.non-idempotent: expected true or false, got 'maybe'",
                "sidecar.yaml:9: services.payments.retry.statuses: expected a list, got 429"), errors);
    }

    @Test
    void badDurationsSizesAndPercentagesAreErrors() {
        List<String> errors = errors("""
                service: orders
                outbound:
                  max-request-line: 8KB
                  max-header-size: 0
                  idle-timeout: 60
                services:
                  payments:
                    endpoints: [127.0.0.2:8080]
                    timeout: 0s
                    retry: {budget: twenty, per-try-timeout: 0.5ms}
                    circuit-breaker: {failure-rate: 0%, open-for: 10 s}
                """);

        assertEquals(List.of(
                "sidecar.yaml:3: outbound.max-request-line: expected a size like 65536, 64KiB or 1MiB, got '8KB'",
                "sidecar.yaml:4: outbound.max-header-size: must be between 1 and 2147483647 bytes, got '0'",
                "sidecar.yaml:5: outbound.idle-timeout: expected a duration like 500ms, 2s, 1.5s, 1m or 1h, got '60'",
                "sidecar.yaml:9: services.payments.timeout: must be greater than 0, got '0s'",
                "sidecar.yaml:10: services.payments.retry.per-try-timeout: durations are whole milliseconds, got '0.5ms'",
                "sidecar.yaml:10: services.payments.retry.budget: "
                        + "expected a percentage like 20% (or a fraction like 0.2), got 'twenty'",
                "sidecar.yaml:11: services.payments.circuit-breaker.failure-rate: must be between 1% and 100%, got 0%",
                "sidecar.yaml:11: services.payments.circuit-breaker.open-for: "
                        + "expected a duration like 500ms, 2s, 1.5s, 1m or 1h, got '10 s'"), errors);
    }

    @Test
    void perTryTimeoutMayNotExceedTheServiceTimeout() {
        assertEquals(List.of("sidecar.yaml:6: services.payments.retry.per-try-timeout: "
                        + "must be at most the service timeout (2s), got 2500ms"),
                serviceErrors("timeout: 2s", "retry:", "  per-try-timeout: 2.5s"));
    }

    @Test
    void crossFieldRulesOfBackoffAndCircuitBreaker() {
        assertEquals(List.of(
                "sidecar.yaml:4: services.payments.retry.backoff.base: must be at most max (100ms), got 1s",
                "sidecar.yaml:5: services.payments.circuit-breaker.minimum-calls: must be at most window (5), got 6"),
                serviceErrors("retry: {backoff: {base: 1s, max: 100ms}}",
                        "circuit-breaker: {window: 5, minimum-calls: 6}"));
    }

    @Test
    void integersOutOfRangeSayWhichBoundIsBroken() {
        assertEquals(List.of(
                "sidecar.yaml:4: services.payments.circuit-breaker.window: must be at most 2147483647, got 3000000000",
                "sidecar.yaml:4: services.payments.circuit-breaker.half-open-calls: must be at least 1, got 0"),
                serviceErrors("circuit-breaker: {window: 3000000000, half-open-calls: 0}"));
    }

    @Test
    void retryListsAreCheckedItemByItem() {
        assertEquals(List.of(
                "sidecar.yaml:4: services.payments.retry.on[1]: must be one of connect-failure, reset, gateway-error,"
                        + " per-try-timeout, got 'gateway-eror' (did you mean 'gateway-error'?)",
                "sidecar.yaml:4: services.payments.retry.on[2]: duplicate entry 'reset'",
                "sidecar.yaml:4: services.payments.retry.statuses[0]: must be between 100 and 599, got 99"),
                serviceErrors("retry: {on: [reset, gateway-eror, reset], statuses: [99, 503]}"));
    }

    @Test
    void endpointsMustBeNonEmptyDistinctAndNotTheOutboundListener() {
        assertEquals(List.of("sidecar.yaml:3: services.payments.endpoints: needs at least one endpoint"),
                errors("service: orders\nservices:\n  payments: {endpoints: []}\n"));
        assertEquals(List.of(
                "sidecar.yaml:3: services.payments.endpoints[1]: duplicate entry '127.0.0.2:8080'",
                "sidecar.yaml:3: services.payments.endpoints[2]: "
                        + "is the sidecar's own outbound listener (127.0.0.1:15001); that would loop",
                "sidecar.yaml:3: services.payments.endpoints[3]: "
                        + "is the sidecar's own outbound listener (127.0.0.1:15001); that would loop"),
                errors("service: orders\nservices:\n  payments: {endpoints: "
                        + "[127.0.0.2:8080, 127.0.0.2:8080, 127.0.0.1:15001, localhost:15001]}\n"));
    }

    @Test
    void addressesMustBeHostAndPort() {
        List<String> errors = errors("""
                service: orders
                listeners: {outbound: 127.0.0.1:70000, inbound: "::1:15006", admin: 300.1.1.1:15000}
                app: my_app:8080
                services:
                  payments: {endpoints: [payments, "[fe80::zz]:80"]}
                """);

        assertEquals(List.of(
                "sidecar.yaml:2: listeners.outbound: port must be between 1 and 65535, got '70000'",
                "sidecar.yaml:2: listeners.inbound: an IPv6 address must be in brackets, like [::1]:8080, got '::1:15006'",
                "sidecar.yaml:2: listeners.admin: '300.1.1.1' is not a valid host name or IPv4 address",
                "sidecar.yaml:3: app: 'my_app' is not a valid host name or IPv4 address",
                "sidecar.yaml:5: services.payments.endpoints[0]: expected host:port, got 'payments'",
                "sidecar.yaml:5: services.payments.endpoints[1]: 'fe80::zz' in '[fe80::zz]:80' is not a valid IPv6 address"),
                errors);
    }

    @Test
    void listenersMustNotCollideAndTheAppIsNotTheInboundListener() {
        assertEquals(List.of(
                "sidecar.yaml:2: listeners.admin: 127.0.0.1:15006 conflicts with listeners.inbound (0.0.0.0:15006)",
                "sidecar.yaml:3: app: is the sidecar's own inbound listener (0.0.0.0:15006); that would loop"),
                errors("service: orders\nlisteners: {admin: 127.0.0.1:15006}\napp: localhost:15006\n"));
    }

    @Test
    void namesAreChecked() {
        List<String> errors = errors("""
                service: Orders_1
                trust-domain: Example.org
                services:
                  payments: {endpoints: [127.0.0.2:8080]}
                  PAYMENTS: {endpoints: [127.0.0.3:8080]}
                  bad_name: {endpoints: [127.0.0.4:8080]}
                """);

        assertEquals(List.of(
                "sidecar.yaml:1: service: 'Orders_1' is not a valid service name: lower-case letters, digits and "
                        + "inner dashes, at most 63 characters",
                "sidecar.yaml:2: trust-domain: 'Example.org' is not a valid trust domain: lower-case letters, digits,"
                        + " '.', '-', '_'",
                "sidecar.yaml:5: services.PAYMENTS: same name as 'payments' (line 4); service names are case-insensitive",
                "sidecar.yaml:6: services.bad_name: 'bad_name' is not a valid service name: "
                        + "use a host name such as payments or payments.internal"), errors);
    }

    @Test
    void serviceIsRequired() {
        assertEquals(List.of("sidecar.yaml:1: service: is required"), errors("app: 127.0.0.1:8080\n"));
    }

    @Test
    void duplicateKeysAreErrors() {
        assertEquals(List.of(
                "sidecar.yaml:5: services.payments.timeout: duplicate key (first set at line 4)",
                "sidecar.yaml:7: service: duplicate key (first set at line 1)"),
                errors("""
                        service: orders
                        services:
                          payments:
                            timeout: 1s
                            timeout: 2s
                            endpoints: [127.0.0.2:8080]
                        service: billing
                        """));
    }

    @Test
    void syntaxErrorsCarryTheirLine() {
        assertEquals(List.of("sidecar.yaml:3: YAML syntax error: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence started at line 2)"),
                errors("service: orders\nbad: [1, 2\nother: 3\n"));
        assertEquals(List.of("sidecar.yaml:2: YAML syntax error: mapping values are not allowed here"),
                errors("service: orders\napp: a: b\n"));
    }

    @Test
    void emptyFileAndNonMapRootAreErrors() {
        assertEquals(List.of("sidecar.yaml:1: the file is empty; at least 'service' must be set"), errors(""));
        assertEquals(List.of("sidecar.yaml:1: the file is empty; at least 'service' must be set"),
                errors("# nothing yet\n"));
        assertEquals(List.of("sidecar.yaml:1: the top level must be a map of settings (service: ..., services: ...), "
                + "got a list"), errors("- orders\n"));
        assertEquals(List.of("sidecar.yaml:1: the top level must be a map of settings (service: ..., services: ...), "
                + "got 'orders'"), errors("orders\n"));
    }

    @Test
    void oneDocumentOnly() {
        assertEquals(List.of("sidecar.yaml:3: only one YAML document is allowed; found another after '---'"),
                errors("service: orders\n---\nservice: billing\n"));
    }

    @Test
    void aliasesAreRejected() {
        assertEquals(List.of("sidecar.yaml:2: app: YAML aliases (*a) are not supported; write the value out"),
                errors("service: &a orders\napp: *a\n").subList(0, 1));
    }

    @Test
    void loadNamesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sidecar.yaml");
        Files.writeString(file, "service: orders\nretry: {}\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertEquals(List.of(file + ":2: retry: unknown field 'retry'"), e.renderedErrors());
        assertEquals(new ConfigError("retry", 2, "unknown field 'retry'"), e.errors().get(0));
    }

    @Test
    void missingFileIsOneClearError(@TempDir Path dir) {
        Path file = dir.resolve("absent.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertEquals(List.of(file + ": file not found"), e.renderedErrors());
    }

    @Test
    void loadsAValidFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sidecar.yaml");
        Files.writeString(file, FULL);

        assertEquals(ConfigLoader.parse(FULL, "other-name"), ConfigLoader.load(file));
    }

    @Test
    void noRetryBlockMeansNoPerTryTimeout() throws ConfigException {
        RetryConfig retry = ConfigLoader.parse("service: orders\nservices: {a: {endpoints: [h:1]}}\n", "s")
                .services().get("a").retry();
        assertNull(retry.perTryTimeout());
        assertTrue(retry.statuses().isEmpty());
    }

    private static List<String> serviceErrors(String... serviceLines) {
        StringBuilder yaml = new StringBuilder("service: orders\nservices:\n  payments:\n");
        for (String line : serviceLines) {
            yaml.append("    ").append(line).append('\n');
        }
        yaml.append("    endpoints: [127.0.0.2:8080]\n");
        return errors(yaml.toString());
    }

    static List<String> errors(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "sidecar.yaml")).renderedErrors();
    }
}
