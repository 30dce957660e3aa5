package dev.outrigger.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectPolicyTest {

    private static RedirectPolicy policy(String include, String exclude) {
        return new RedirectPolicy("127.0.0.1", 15001, globs(include), globs(exclude));
    }

    private static List<HostGlob> globs(String spaceSeparated) {
        return Stream.of(spaceSeparated.split(" ")).filter(s -> !s.isEmpty()).map(HostGlob::new)
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://service-b/hello?x=1,             true",
            "http://service-b:8080/x,                true",
            "HTTP://Service-B./x,                    true",
            "http://10.1.2.3/x,                      true",
            "https://service-b/x,                    false",
            "ws://service-b/x,                       false",
            "socket://service-b:80,                  false",
            "http://localhost:8080/x,                false",
            "http://LOCALHOST/x,                     false",
            "http://api.localhost/x,                 false",
            "http://127.0.0.1/x,                     false",
            "http://127.45.6.7:9000/x,               false",
            "http://[::1]/x,                         false",
            "http://[0:0:0:0:0:0:0:1]:8080/x,        false",
            "http://[::ffff:127.0.0.1]/x,            false",
            "http://[fe80::1]/x,                     true",
            "http://my_service/x,                    false",
            "/relative/path,                         false",
    })
    void redirectsPlainHttpToNonLoopbackHostsOnly(String uri, boolean expected) {
        assertEquals(expected, policy("", "").redirects(URI.create(uri)));
    }

    @ParameterizedTest(name = "sidecar 10.0.0.5:{0}, call {1} -> {2}")
    @CsvSource({
            "15001, http://10.0.0.5:15001/x, false",
            "15001, http://10.0.0.5/x,       true",
            "80,    http://10.0.0.5/x,       false",
            "80,    http://10.0.0.5:80/x,    false",
    })
    void neverRedirectsToTheSidecarItself(int sidecarPort, String uri, boolean expected) {
        RedirectPolicy policy = new RedirectPolicy("10.0.0.5", sidecarPort, List.of(), List.of());
        assertEquals(expected, policy.redirects(URI.create(uri)));
    }

    @ParameterizedTest(name = "include [{0}] exclude [{1}]: {2} -> {3}")
    @CsvSource({
            "'',                        '*.example.com',   http://a.example.com/x,     false",
            "'',                        '*.example.com',   http://a.b.example.com/x,   false",
            "'',                        '*.example.com',   http://example.com/x,       true",
            "'',                        '*.example.com',   http://service-b/x,         true",
            "'service-* orders',        '',                http://service-b/x,         true",
            "'service-* orders',        '',                http://ORDERS/x,            true",
            "'service-* orders',        '',                http://payments/x,          false",
            "'*.mesh',                  'legacy.mesh',     http://orders.mesh/x,       true",
            "'*.mesh',                  'legacy.mesh',     http://legacy.mesh/x,       false",
            "'*',                       '',                http://anything.at.all/x,   true",
            "'a.b',                     '',                http://axb/x,               false",
    })
    void appliesIncludeThenExclude(String include, String exclude, String uri, boolean expected) {
        assertEquals(expected, policy(include, exclude).redirects(URI.create(uri)));
    }

    @ParameterizedTest(name = "https-hosts [{0}] exclude [{1}]: {2} -> {3}")
    @CsvSource({
            "'',                  '',              https://api.example.com/x,      false",
            "*.example.com,       '',              https://api.example.com/x,      true",
            "*.example.com,       '',              HTTPS://API.Example.COM.:8443/, true",
            "*.example.com,       '',              https://example.org/x,          false",
            "*.example.com,       api.example.com, https://api.example.com/x,      false",
            "*,                   '',              https://localhost/x,            false",
            "*,                   '',              https://127.0.0.1:8443/x,       false",
            "*,                   '',              http://api.example.com/x,       false",
    })
    void redirectsHttpsOnlyToOptedInHosts(String httpsHosts, String exclude, String uri, boolean expected) {
        RedirectPolicy policy = new RedirectPolicy("127.0.0.1", 15001, List.of(), globs(exclude), globs(httpsHosts));
        assertEquals(expected, policy.redirectsHttps(URI.create(uri)));
    }

    @ParameterizedTest(name = "include [{0}]: {1} -> {2}")
    @CsvSource({
            "other.example.com, https://api.example.com/x, true",
            "'',                https://api.example.com/x, true",
    })
    void httpsHostsNeedNoInclude(String include, String uri, boolean expected) {
        RedirectPolicy policy = new RedirectPolicy("127.0.0.1", 15001, globs(include), List.of(),
                globs("api.example.com"));
        assertEquals(expected, policy.redirectsHttps(URI.create(uri)));
        assertEquals(false, policy.redirects(URI.create(uri)), "https never goes through select()");
    }
}
