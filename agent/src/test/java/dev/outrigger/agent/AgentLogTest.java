package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentLogTest {

    @ParameterizedTest(name = "log={0}")
    @CsvSource(delimiter = '|', value = {
            "OFF   | ''",
            "INFO  | [outrigger-agent] WARN w;[outrigger-agent] i;",
            "DEBUG | [outrigger-agent] WARN w;[outrigger-agent] i;[outrigger-agent] d;",
    })
    void printsWhatTheLevelAllows(LogLevel level, String expectedLines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AgentLog log = new AgentLog(level, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        log.warnings().accept("w");
        log.info("i");
        log.debugMessages().accept("d");

        assertEquals(expectedLines.replace(";", System.lineSeparator()), bytes.toString(StandardCharsets.UTF_8));
    }
}
