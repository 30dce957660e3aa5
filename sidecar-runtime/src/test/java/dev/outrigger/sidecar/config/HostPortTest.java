package dev.outrigger.sidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @Test
    void parsesNamesIpv4AndBracketedIpv6() {
        assertEquals(new Address("payments.internal", 8080), HostPort.parse("payments.internal:8080"));
        assertEquals(new Address("10.0.0.1", 1), HostPort.parse("10.0.0.1:1"));
        assertEquals(new Address("::1", 65535), HostPort.parse("[::1]:65535"));
        assertEquals("[::1]:65535", HostPort.parse("[::1]:65535").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"host", "host:", ":80", "host:0", "host:65536", "host:http", "::1:80", "[::1]80",
            "[nope]:80", "256.0.0.1:80", "1.2.3:80", "-bad.host:80", "bad..host:80", "under_score:80", "[]:80"})
    void rejectsBadAddresses(String text) {
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse(text));
    }

    @Test
    void reachesTheSameSocketThroughLoopbackNamesOrAWildcardListener() {
        Address listener = new Address("127.0.0.1", 15001);
        assertTrue(HostPort.reaches(new Address("127.0.0.1", 15001), listener));
        assertTrue(HostPort.reaches(new Address("LocalHost", 15001), listener));
        assertFalse(HostPort.reaches(new Address("127.0.0.2", 15001), listener));
        assertFalse(HostPort.reaches(new Address("127.0.0.1", 15002), listener));
        assertFalse(HostPort.reaches(new Address("::1", 15001), listener));

        Address wildcard = new Address("0.0.0.0", 15001);
        assertTrue(HostPort.reaches(new Address("localhost", 15001), wildcard));
        assertFalse(HostPort.reaches(new Address("10.1.2.3", 15001), wildcard), "another host's port 15001");
    }

    @Test
    void listenersConflictOnTheSamePortWhenEitherIsAWildcard() {
        assertTrue(HostPort.bindConflict(new Address("0.0.0.0", 80), new Address("127.0.0.1", 80)));
        assertTrue(HostPort.bindConflict(new Address("127.0.0.1", 80), new Address("127.0.0.1", 80)));
        assertFalse(HostPort.bindConflict(new Address("127.0.0.1", 80), new Address("127.0.0.2", 80)));
        assertFalse(HostPort.bindConflict(new Address("0.0.0.0", 80), new Address("0.0.0.0", 81)));
    }
}
