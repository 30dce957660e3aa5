package dev.outrigger.it;

import dev.outrigger.it.support.ChildProcess;
import dev.outrigger.it.support.FreePort;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.SidecarPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigValidationTest {

    /** Line 6 holds an unknown balancer, line 7 a timeout that is no duration. */
    private static final String BAD_SERVICES = """
            services:
              greeter:
                endpoints: [127.0.0.1:%d]
                balancer: fastest-please
                timeout: soon
            """;

    @RegisterExtension
    final Processes processes = new Processes();

    @Test
    void validateNamesTheLineAndFieldPathOfEveryError() {
        Path bad = processes.writeFile("bad.yaml", SidecarPorts.pick().configHead("caller")
                + BAD_SERVICES.formatted(FreePort.pick()));

        ChildProcess validate = processes.sidecarCli("validate", "validate", "--config", bad.toString());

        assertEquals(2, validate.awaitExit(Processes.STARTUP), validate.output());
        assertHasLine(validate, ".*bad\\.yaml:6: services\\.greeter\\.balancer: .+");
        assertHasLine(validate, ".*bad\\.yaml:7: services\\.greeter\\.timeout: .+");
    }

    @Test
    void validateAcceptsAGoodFileAndCountsItsServices() {
        Path good = processes.writeFile("good.yaml", SidecarPorts.pick().configHead("caller") + """
                services:
                  greeter:
                    endpoints: [127.0.0.1:%d]
                  payments:
                    endpoints: [127.0.0.1:%d, 127.0.0.1:%d]
                    balancer: least-request
                """.formatted(FreePort.pick(), FreePort.pick(), FreePort.pick()));

        ChildProcess validate = processes.sidecarCli("validate", "validate", "--config", good.toString());

        assertEquals(0, validate.awaitExit(Processes.STARTUP), validate.output());
        assertHasLine(validate, ".*good\\.yaml: OK \\(2 services\\)");
    }

    @Test
    void runRefusesABadFileWithExitCode2BeforeBindingAnyPort() {
        SidecarPorts ports = SidecarPorts.pick();
        Path bad = processes.writeFile("bad.yaml", ports.configHead("caller") + BAD_SERVICES.formatted(FreePort.pick()));

        ChildProcess run = processes.sidecarCli("run", "run", "--config", bad.toString());
        Set<Integer> listened = new TreeSet<>();
        while (run.isAlive()) {
            for (int port : List.of(ports.outbound(), ports.inbound(), ports.admin())) {
                if (FreePort.isListening(port)) {
                    listened.add(port);
                }
            }
        }

        assertEquals(2, run.awaitExit(Processes.STARTUP), run.output());
        assertTrue(run.stderr().contains("services.greeter.timeout"), "the error goes to stderr:\n" + run.output());
        assertEquals(Set.of(), listened, "ports listened on with a bad config");
    }

    private static void assertHasLine(ChildProcess process, String regex) {
        Pattern pattern = Pattern.compile(regex);
        assertTrue(process.output().lines().anyMatch(line -> pattern.matcher(line).matches()),
                "no line matches " + regex + " in:\n" + process.output());
    }
}
