package dev.outrigger.bootstrap;

import java.net.http.HttpRequest;
import java.time.Duration;
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
        if (headers.isEmpty()) {
            return request;
        }
        try {
            HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> !headers.containsKey(name));
            headers.forEach(copy::header);
            return copy.build();
        } catch (RuntimeException refused) {
            return request;
        }
    }

    /** With the {@link CallSignals} headers when the request goes to the sidecar. */
    static HttpRequest withSignals(HttpRequest request, SidecarProxySelector selector) {
        long timeoutMillis = request.timeout().map(Duration::toMillis).orElse(0L);
        return withHeaders(request, selector.signalsFor(request.uri(), timeoutMillis, replayable(request)));
    }

    static boolean replayable(HttpRequest request) {
        return request.bodyPublisher().map(body -> HELD_BODIES.contains(body.getClass().getName())).orElse(true);
    }
}
