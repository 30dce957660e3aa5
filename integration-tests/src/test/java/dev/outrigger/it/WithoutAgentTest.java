package dev.outrigger.it;

import dev.outrigger.it.support.CallerRun;
import dev.outrigger.it.support.Processes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mesh name is not in DNS: it is the agent, not the network, that makes the other tests' calls work. */
class WithoutAgentTest {

    @RegisterExtension
    final Processes processes = new Processes();

    @ParameterizedTest(name = "with {0}")
    @ValueSource(strings = {"httpclient", "urlconnection"})
    void theSameCallerWithoutTheAgentCannotReachTheMeshName(String client) {
        CallerRun run = processes.callerWithoutAgent("http://greeter/hello", "--client", client);

        assertEquals(1, run.calls().size(), run.output());
        assertEquals("-", run.last().status(), run.output());
        assertTrue(List.of("UnknownHostException", "ConnectException").contains(run.last().error()), run.output());
    }
}
