package dev.outrigger.sidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigRendererTest {

    @Test
    void fullConfigSurvivesARoundTrip() throws ConfigException {
        SidecarConfig config = ConfigLoader.parse(ConfigLoaderTest.FULL, "sidecar.yaml");

        String yaml = ConfigRenderer.toYaml(config);

        assertEquals(config, ConfigLoader.parse(yaml, "rendered"), yaml);
    }

    @Test
    void defaultsAreRenderedAndSurviveARoundTrip() throws ConfigException {
        SidecarConfig config = ConfigLoader.parse("service: orders\nservices: {payments: {endpoints: [h:1]}}\n", "s");

        String yaml = ConfigRenderer.toYaml(config);

        assertEquals(config, ConfigLoader.parse(yaml, "rendered"), yaml);
        assertTrue(yaml.contains("trust-domain: outrigger.local"), yaml);
        assertTrue(yaml.contains("max-header-size: 16KiB"), yaml);
        assertTrue(yaml.contains("idle-timeout: 5m"), yaml);
        assertTrue(yaml.contains("budget: 20%"), yaml);
        assertTrue(yaml.contains("timeout: 15s"), yaml);
        assertTrue(yaml.contains("base: 25ms"), yaml);
        assertTrue(yaml.contains("failure-rate: 50%"), yaml);
    }

    @Test
    void rendersInTheFileShapeAndUnits() throws ConfigException {
        SidecarConfig config = ConfigLoader.parse(ConfigLoaderTest.FULL, "sidecar.yaml");

        String yaml = ConfigRenderer.toYaml(config);

        assertTrue(yaml.startsWith("service: orders\ntrust-domain: example.org\nlisteners:\n"), yaml);
        assertTrue(yaml.contains("""
                    retry:
                      attempts: 3
                      per-try-timeout: 500ms
                """), yaml);
        assertTrue(yaml.contains("budget: 12.5%"), yaml);
        assertTrue(yaml.contains("max: 1500ms"), yaml);
        assertTrue(yaml.contains("retry-body-limit: 1000\n"), yaml);
        assertTrue(yaml.contains("circuit-breaker: \"off\""), yaml);
    }
}
