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
}
