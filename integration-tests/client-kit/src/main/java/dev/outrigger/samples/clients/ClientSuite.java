package dev.outrigger.samples.clients;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The calls every client sample app makes, whatever its library: {@code main(KIND METHOD URL [METHOD URL]...)}.
 *
 * Every request carries the {@link #HEADERS}; POST, PUT and PATCH carry {@link #BODY}. For each request it prints
 * {@code --- METHOD URL}, then {@code status=N} (or {@code status=-} and the exception), {@code outrigger-error=X}
 * and the response body.
 */
public final class ClientSuite {

    public static final String BODY = "greeting=caf%C3%A9&n=1";
    public static final List<String[]> HEADERS = List.of(
            new String[] {"X-Multi", "one"}, new String[] {"X-Multi", "two"}, new String[] {"X-Trace-Id", "Abc-123"});
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    /** Builds the client of a kind named on the command line; each kind loads only its own library's classes. */
    @FunctionalInterface
    public interface Clients {
        SampleClient of(String kind) throws Exception;
    }

    private ClientSuite() {
    }

    /** Runs the calls of {@code args} with the client {@code args[0]} names, then ends the JVM. */
    public static void main(String[] args, Clients clients) throws Exception {
        if (args.length < 3 || args.length % 2 == 0) {
            System.err.println("usage: KIND METHOD URL [METHOD URL]...");
            System.exit(2);
        }
        try (SampleClient client = clients.of(args[0])) {
            for (int i = 1; i < args.length; i += 2) {
                call(client, args[i].toUpperCase(Locale.ROOT), URI.create(args[i + 1]));
            }
        }
        // Some clients keep non-daemon threads after close; a service that is done just ends.
        System.exit(0);
    }

    private static void call(SampleClient client, String method, URI uri) {
        System.out.println("--- " + method + " " + uri);
        byte[] body = WITH_BODY.contains(method) ? BODY.getBytes(StandardCharsets.UTF_8) : null;
        try {
            SampleClient.Reply reply = client.exchange(method, uri, HEADERS, body);
            System.out.println("status=" + reply.status());
            System.out.println("outrigger-error=" + (reply.outriggerError() == null ? "-" : reply.outriggerError()));
            System.out.print(reply.body());
        } catch (Exception e) {
            System.out.println("status=- " + e);
        }
        System.out.flush();
    }
}
