package dev.outrigger.sidecar.inbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestTargetTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/admin                 | /admin",
            "/./admin               | /admin",
            "//admin                | /admin",
            "/a///b//               | /a/b/",
            "/x/../admin            | /admin",
            "/x/y/../../admin       | /admin",
            "/../../admin           | /admin",
            "/admin/.               | /admin/",
            "/admin/x/..            | /admin/",
            "/%61dmin               | /admin",
            "/%2e%2E/admin          | /admin",
            "/x/%2e%2e/admin        | /admin",
            "/%7e~%2D-%5f_%30       | /~~--__0",
            "/a%3ab%3Ac             | /a%3Ab%3Ac",
            "/caf%c3%a9             | /caf%C3%A9",
            "/100%25                | /100%25",
            "/                      | /",
            "//                     | /",
            "/..                    | /",
            "/ADMIN                 | /ADMIN",
    })
    void normalizesThePath(String target, String expected) throws Exception {
        assertEquals(expected, RequestTarget.normalize(target).path());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/x/../a?b=../%2F;\\    | /a?b=../%2F;\\",
            "/a?                    | /a?",
            "/a                     | /a",
    })
    void keepsTheQueryAsSent(String target, String expected) throws Exception {
        assertEquals(expected, RequestTarget.normalize(target).uri());
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"/admin%2F..", "/admin%2f", "/a%5Cb", "/a%5cb", "/a\\b", "/a%00", "/a;b=1", "/a%", "/a%4",
            "/a%zz", "/a%\u0663\u0661", "/a#b", "/a b", "/caf\u00e9", "/a\u007f", "admin", "*", "http://orders/admin"})
    void refusesWhatServersReadDifferently(String target) {
        assertThrows(RequestTarget.BadPathException.class, () -> RequestTarget.normalize(target));
    }
}
