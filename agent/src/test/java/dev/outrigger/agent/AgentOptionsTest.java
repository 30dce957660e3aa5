package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.bootstrap.FailMode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentOptionsTest {
    private final Map<String, String> systemProperties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private AgentOptions resolve(String agentArgs) {
        return AgentOptions.resolve(agentArgs, systemProperties, environment, warnings);
    }

    @Test
    void defaultsNeedNothing() {
        AgentOptions options = resolve(null);

        assertEquals(InetSocketAddress.createUnresolved("127.0.0.1", 15001), options.sidecar());
        assertEquals(List.of(), options.include());
        assertEquals(List.of(), options.exclude());
        assertEquals(FailMode.OPEN, options.fail());
        assertEquals(List.of(), options.failClosed());
        assertEquals(Duration.ZERO, options.waitForSidecar());
        assertFalse(options.lease());
        assertEquals(InetSocketAddress.createUnresolved("127.0.0.1", 15000), options.admin());
        assertEquals(LogLevel.INFO, options.log());
        assertEquals(List.of(), options.httpsHosts(), "no https:// call goes to the sidecar by default");
        assertEquals(List.of(), warnings);
    }

    @Test
    void httpsHostsComeFromArgumentsOrFromAnEnvironmentVariableWithAnUnderscore() {
        assertEquals(List.of("api.example.com", "*.partner.net"),
                resolve("https-hosts=api.example.com;*.partner.net").httpsHosts());
        environment.put("OUTRIGGER_HTTPS_HOSTS", "billing.example.com");
        assertEquals(List.of("billing.example.com"), resolve(null).httpsHosts());
        assertEquals(List.of(), warnings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, 0", "750ms, 750", "5s, 5000", "2m, 120000", "' 10s ', 10000"})
    void waitTakesADurationWithItsUnit(String text, long millis) {
        environment.put("OUTRIGGER_WAIT", text);

        assertEquals(Duration.ofMillis(millis), resolve(null).waitForSidecar());
        assertEquals(List.of(), warnings);
    }

    @Test
    void lifecycleOptionsComeFromEverySource() {
        systemProperties.put("outrigger.fail-closed", "payments;*.secure");
        environment.put("OUTRIGGER_LEASE", "on");

        AgentOptions options = resolve("admin=127.0.0.2:9901,wait=3s");

        assertEquals(List.of("payments", "*.secure"), options.failClosed());
        assertTrue(options.lease());
        assertEquals(InetSocketAddress.createUnresolved("127.0.0.2", 9901), options.admin());
        assertEquals(Duration.ofSeconds(3), options.waitForSidecar());
        assertEquals(List.of(), warnings);
    }

    @Test
    void agentArgumentsBeatSystemPropertiesWhichBeatTheEnvironment() {
        environment.put("OUTRIGGER_SIDECAR", "10.0.0.1:1");
        environment.put("OUTRIGGER_FAIL", "closed");
        environment.put("OUTRIGGER_LOG", "off");
        systemProperties.put("outrigger.sidecar", "10.0.0.2:2");
        systemProperties.put("outrigger.fail", "open");

        AgentOptions options = resolve("sidecar=10.0.0.3:3");

        assertEquals(InetSocketAddress.createUnresolved("10.0.0.3", 3), options.sidecar());
        assertEquals(FailMode.OPEN, options.fail());
        assertEquals(LogLevel.OFF, options.log());
        assertEquals(List.of(), warnings);
    }

    @Test
    void listsUseSemicolonsInAgentArgumentsAndCommasOrSemicolonsElsewhere() {
        systemProperties.put("outrigger.include", "orders, payments;*.mesh");
        environment.put("OUTRIGGER_EXCLUDE", "ignored-because-args-win");

        AgentOptions options = resolve("exclude=*.example.com;legacy.mesh;,fail=CLOSED,log=Debug");

        assertEquals(List.of("orders", "payments", "*.mesh"), options.include());
        assertEquals(List.of("*.example.com", "legacy.mesh"), options.exclude());
        assertEquals(FailMode.CLOSED, options.fail());
        assertEquals(LogLevel.DEBUG, options.log());
    }

    @Test
    void acceptsIpv6AndNamedSidecars() {
        assertEquals(InetSocketAddress.createUnresolved("::1", 15001), resolve("sidecar=[::1]:15001").sidecar());
        assertEquals(InetSocketAddress.createUnresolved("sidecar.local", 80), resolve("sidecar=sidecar.local:80").sidecar());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sidecar=127.0.0.1            | sidecar=127.0.0.1",
            "sidecar=:15001               | sidecar=:15001",
            "sidecar=127.0.0.1:http       | sidecar=127.0.0.1:http",
            "sidecar=127.0.0.1:0          | sidecar=127.0.0.1:0",
            "sidecar=127.0.0.1:70000      | sidecar=127.0.0.1:70000",
            "fail=maybe                   | fail=maybe",
            "log=loud                     | log=loud",
            "wait=5                       | wait=5",
            "wait=-1s                     | wait=-1s",
            "wait=1h                      | wait=1h",
            "lease=yes                    | lease=yes",
            "admin=15000                  | admin=15000",
            "verbose                      | 'verbose'",
            "colour=blue                  | 'colour=blue'",
    })
    void badValuesFallBackToDefaultsWithOneWarning(String agentArgs, String named) {
        AgentOptions options = resolve(agentArgs);

        assertEquals(resolve(null), options);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(named), warnings.get(0));
    }

    @Test
    void warningsNameTheSourceOfABadValue() {
        environment.put("OUTRIGGER_FAIL", "sometimes");

        assertEquals(FailMode.OPEN, resolve("").fail());
        assertEquals(List.of("ignoring fail=sometimes from environment variable OUTRIGGER_FAIL: expected open|closed;"
                + " using open"), warnings);
    }

    @Test
    void summaryReadsLikeAgentArguments() {
        assertEquals("sidecar=127.0.0.1:15001, fail=open", resolve(null).summary());
        assertEquals("sidecar=10.0.0.5:80, fail=closed, include=a;b, exclude=*.c, https-hosts=d, log=debug",
                resolve("log=debug,sidecar=10.0.0.5:80,fail=closed,include=a;b,exclude=*.c,https-hosts=d").summary());
        assertEquals("sidecar=127.0.0.1:15001, fail=open, fail-closed=p, wait=1500ms, lease=on, admin=127.0.0.1:9",
                resolve("wait=1500ms,lease=on,admin=127.0.0.1:9,fail-closed=p").summary());
        assertEquals("sidecar=127.0.0.1:15001, fail=open, signals=on, caller=on",
                resolve("caller=on,signals=on").summary());
    }

    @Test
    void hostsTheAppExemptsFromProxiesAreNeverRedirected() {
        systemProperties.put("http.nonProxyHosts", "localhost|*.internal| legacy ");

        assertEquals(List.of("*.svc", "localhost", "*.internal", "legacy"), resolve("exclude=*.svc").exclude());
    }

    @Test
    void signalsAndTheCallingClassAreOffUnlessAskedFor() {
        assertFalse(resolve(null).signals());
        assertFalse(resolve(null).caller());
        assertTrue(resolve("signals=on").signals());
        assertTrue(resolve("caller=ON").caller());
    }
}
