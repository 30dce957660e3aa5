package dev.outrigger.samples.clients;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The calls every client sample app makes, whatever its library: {@code main(KIND CALL...)}, each CALL one argument
 * {@code "METHOD URL [Name:value]..."}.
 *
 * Every request carries the {@link #HEADERS}, then the call's own; POST, PUT and PATCH carry {@link #BODY}. For each
 * call it prints {@code --- CALL}, then {@code status=N} (or {@code status=-} and the exception),
 * {@code outrigger-error=X} and the response body.
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
        if (args.length < 2) {
            System.err.println("usage: KIND \"METHOD URL [Name:value]...\"...");
            System.exit(2);
        }
        try (SampleClient client = clients.of(args[0])) {
            for (int i = 1; i < args.length; i++) {
                call(client, args[i]);
            }
        }
        // Some clients keep non-daemon threads after close; a service that is done just ends.
        System.exit(0);
    }

    private static void call(SampleClient client, String call) {
        System.out.println("--- " + call);
        String[] words = call.split(" ");
        String method = words[0].toUpperCase(Locale.ROOT);
        List<String[]> headers = new ArrayList<>(HEADERS);
        for (int i = 2; i < words.length; i++) {
            headers.add(words[i].split(":", 2));
        }
        byte[] body = WITH_BODY.contains(method) ? BODY.getBytes(StandardCharsets.UTF_8) : null;
        try {
            SampleClient.Reply reply = client.exchange(method, URI.create(words[1]), headers, body);
            System.out.println("status=" + reply.status());
            System.out.println("outrigger-error=" + (reply.outriggerError() == null ? "-" : reply.outriggerError()));
            System.out.print(reply.body());
        } catch (Exception e) {
            System.out.println("status=- " + e);
        }
        System.out.flush();
    }
}
