package dev.outrigger.bootstrap;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Changes a JDK {@link HttpRequest} before its client sends it. A request cannot be changed, so a copy is made with
 * {@link HttpRequest#newBuilder(HttpRequest, java.util.function.BiPredicate)}; when the copy cannot be built (say,
 * an app's own {@code HttpRequest} subclass with a header the builder refuses) the request goes unchanged.
 */
public final class JdkHttpRequests {
    /** Publishers that hold their bytes, so each subscription gets all of them: ofString, ofByteArray, noBody. */
    private static final Set<String> HELD_BODIES = Set.of(
            "jdk.internal.net.http.RequestPublishers$StringPublisher",
            "jdk.internal.net.http.RequestPublishers$ByteArrayPublisher",
            "jdk.internal.net.http.RequestPublishers$EmptyPublisher");

    private JdkHttpRequests() {
    }

    /** @return a copy of {@code request} with {@code headers} added, or {@code request} itself if that fails */
    public static HttpRequest withHeaders(HttpRequest request, Map<String, String> headers) {
        return headers.isEmpty() ? request : copy(request, request.uri(), headers);
    }

    /**
     * What the JDK HttpClient sends instead of {@code request}: for an {@code https} call to an opted-in host that
     * goes to the sidecar now, the same request to the {@code http} form of its URI (authority, and so the Host
     * header, unchanged), marked {@value CallSignals#TLS} for the sidecar to originate the TLS, and the client's next
     * proxy choice for it on this thread is the sidecar ({@link SidecarProxySelector#sendNextToSidecar}); otherwise
     * the request with its {@link CallSignals}, if any.
     */
    static HttpRequest forSidecar(HttpRequest request, SidecarProxySelector selector) {
        URI uri = request.uri();
        Map<String, String> headers = new LinkedHashMap<>(selector.signalsFor(uri,
                request.timeout().map(Duration::toMillis).orElse(0L), replayable(request)));
        if (!"https".equalsIgnoreCase(uri.getScheme()) || selector.plaintextSidecarForHttps(uri) == null) {
            return withHeaders(request, headers);
        }
        URI plaintext = plaintextForm(uri);
        headers.put(CallSignals.TLS, "1");
        HttpRequest copy = copy(request, plaintext, headers);
        if (copy != request) {
            selector.sendNextToSidecar(plaintext);
        }
        return copy;
    }

    /**
     * Where the client follows a redirect of {@code previous}: a request the agent handed to the sidecar in plaintext
     * keeps its headers (so the {@value CallSignals#TLS} marker) and its proxy (the sidecar) when redirected, so an
     * {@code https} location on an opted-in host is followed in its plaintext form the same way; any other location
     * as it is.
     */
    static URI redirectTarget(HttpRequest previous, URI location, SidecarProxySelector selector) {
        boolean handedOver = previous.headers().firstValue(CallSignals.TLS).isPresent();
        return handedOver && "https".equalsIgnoreCase(location.getScheme())
                && selector.plaintextSidecarForHttps(location) != null ? plaintextForm(location) : location;
    }

    /** {@code https://host/x} as {@code http://host/x}: the same authority, so the same Host header. */
    private static URI plaintextForm(URI https) {
        return URI.create("http" + https.toString().substring("https".length()));
    }

    private static HttpRequest copy(HttpRequest request, URI uri, Map<String, String> headers) {
        try {
            HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> !headers.containsKey(name))
                    .uri(uri);
            headers.forEach(copy::header);
            return copy.build();
        } catch (RuntimeException refused) {
            return request;
        }
    }

    static boolean replayable(HttpRequest request) {
        return request.bodyPublisher().map(body -> HELD_BODIES.contains(body.getClass().getName())).orElse(true);
    }
}
