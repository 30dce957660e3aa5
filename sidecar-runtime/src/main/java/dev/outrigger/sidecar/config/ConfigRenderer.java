package dev.outrigger.sidecar.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders an effective config (defaults included) as YAML in the file's own shape and units, e.g. for the
 * admin {@code /config} endpoint. {@link ConfigLoader#parse} reads the result back to an equal config.
 */
public final class ConfigRenderer {

    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private ConfigRenderer() {
    }

    public static String toYaml(SidecarConfig config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("service", config.service());
        root.put("trust-domain", config.trustDomain());
        root.put("listeners", listeners(config.listeners()));
        root.put("app", config.app().toString());
        if (config.tls() != null) {
            root.put("tls", tls(config.tls()));
        }
        if (config.inbound() != null) {
            root.put("inbound", inbound(config.inbound()));
        }
        root.put("outbound", outbound(config.outbound()));
        Map<String, Object> services = new LinkedHashMap<>();
        config.services().forEach((name, service) -> services.put(name, service(service)));
        root.put("services", services);
        Map<String, Object> lifecycle = new LinkedHashMap<>();
        lifecycle.put("exit-with-lease", config.lifecycle().exitWithLease());
        lifecycle.put("drain", Units.formatDuration(config.lifecycle().drain()));
        if (config.lifecycle().firstLeaseWithin() != null) {
            lifecycle.put("first-lease-within", Units.formatDuration(config.lifecycle().firstLeaseWithin()));
        }
        root.put("lifecycle", lifecycle);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always render", e);
        }
    }

    private static Map<String, Object> listeners(Listeners listeners) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outbound", listeners.outbound().toString());
        map.put("inbound", listeners.inbound().toString());
        map.put("admin", listeners.admin().toString());
        return map;
    }

    private static Map<String, Object> tls(TlsFiles tls) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ca", tls.ca().toString());
        map.put("cert", tls.cert().toString());
        map.put("key", tls.key().toString());
        return map;
    }

    private static Map<String, Object> inbound(InboundConfig inbound) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mtls", YamlNames.of(inbound.mtls()));
        map.put("authorization", inbound.authorization().stream().map(ConfigRenderer::rule).toList());
        return map;
    }

    /** Absent {@code methods} means every method, so an empty list is left out. */
    private static Map<String, Object> rule(AuthorizationRule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", rule.from());
        if (!rule.methods().isEmpty()) {
            map.put("methods", rule.methods());
        }
        map.put("paths", rule.paths());
        map.put("action", YamlNames.of(rule.action()));
        return map;
    }

    private static Map<String, Object> outbound(OutboundSettings outbound) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("unknown-hosts", YamlNames.of(outbound.unknownHosts()));
        map.put("max-request-line", Units.formatSize(outbound.maxRequestLine()));
        map.put("max-header-size", Units.formatSize(outbound.maxHeaderBytes()));
        map.put("retry-body-limit", Units.formatSize(outbound.retryBodyLimit()));
        map.put("idle-timeout", Units.formatDuration(outbound.idleTimeout()));
        if (outbound.passthroughCa() != null) {
            map.put("passthrough-ca", outbound.passthroughCa().toString());
        }
        return map;
    }

    private static Map<String, Object> service(ServiceConfig service) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("endpoints", service.endpoints().stream().map(Address::toString).toList());
        map.put("tls", YamlNames.of(service.tls()));
        if (service.ca() != null) {
            map.put("ca", service.ca().toString());
        }
        map.put("balancer", YamlNames.of(service.balancer()));
        map.put("timeout", Units.formatDuration(service.timeout()));
        map.put("retry", retry(service.retry()));
        map.put("circuit-breaker", service.circuitBreaker().enabled() ? circuitBreaker(service.circuitBreaker()) : "off");
        return map;
    }

    private static Map<String, Object> retry(RetryConfig retry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("attempts", retry.attempts());
        if (retry.perTryTimeout() != null) {
            map.put("per-try-timeout", Units.formatDuration(retry.perTryTimeout()));
        }
        map.put("on", retry.on().stream().sorted().map(YamlNames::of).toList());
        map.put("statuses", retry.statuses().stream().sorted().toList());
        map.put("budget", Units.formatPercent(retry.budget()));
        map.put("min-retries-per-second", retry.minRetriesPerSecond());
        Map<String, Object> backoff = new LinkedHashMap<>();
        backoff.put("base", Units.formatDuration(retry.backoffBase()));
        backoff.put("max", Units.formatDuration(retry.backoffMax()));
        map.put("backoff", backoff);
        map.put("non-idempotent", retry.nonIdempotent());
        return map;
    }

    private static Map<String, Object> circuitBreaker(CircuitBreakerConfig breaker) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("failure-rate", Units.formatPercent(breaker.failureRate()));
        map.put("window", breaker.window());
        map.put("minimum-calls", breaker.minimumCalls());
        map.put("open-for", Units.formatDuration(breaker.openFor()));
        map.put("half-open-calls", breaker.halfOpenCalls());
        return map;
    }
}
