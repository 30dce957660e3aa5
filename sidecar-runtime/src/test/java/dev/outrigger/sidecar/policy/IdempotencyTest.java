package dev.outrigger.sidecar.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdempotencyTest {

    @ParameterizedTest
    @CsvSource({
        "GET, true", "HEAD, true", "OPTIONS, true", "TRACE, true", "PUT, true", "DELETE, true",
        "POST, false", "PATCH, false", "CONNECT, false", "get, false", "PROPFIND, false"
    })
    void followsRfc9110(String method, boolean idempotent) {
        assertEquals(idempotent, Idempotency.isIdempotent(method));
    }

    @ParameterizedTest
    @CsvSource({
        "PUT, false, false, true",
        "POST, false, false, false",
        "POST, true, false, false",
        "POST, false, true, false",
        "POST, true, true, true",
        "PATCH, true, true, true"
    })
    void aKeyedRequestTheAppCouldReplayMayBeRepeated(String method, boolean key, boolean replayable, boolean repeat) {
        assertEquals(repeat, Idempotency.mayRepeat(method, key, replayable));
    }
}
