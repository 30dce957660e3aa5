package dev.outrigger.samples.clients;

import dev.outrigger.samples.PatternBody;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The calls every client sample app makes, whatever its library: {@code main(KIND CALL...)}, each CALL one argument
 * {@code "METHOD URL [Name:value]... [+body=N] [+chunked] [+in-memory] [+read-timeout=MILLIS]"}.
 *
 * Every request carries the {@link #HEADERS}, then the call's own. POST, PUT and PATCH carry {@link #BODY}, or with
 * {@code +body=N} N bytes of {@link PatternBody}, streamed, of unknown length (chunked) with {@code +chunked}, handed
 * to the library as bytes with {@code +in-memory}. For
 * each call it prints {@code --- CALL}, then {@code status=N} (or {@code status=-} and the exception),
 * {@code outrigger-error=X}, the response body (see {@link SampleClient.Reply}) and, for a call with a read timeout,
 * {@code elapsed-ms=N}.
 */
public final class ClientSuite {

    public static final String BODY = "greeting=caf%C3%A9&n=1";
    public static final List<String[]> HEADERS = List.of(
            new String[] {"X-Multi", "one"}, new String[] {"X-Multi", "two"}, new String[] {"X-Trace-Id", "Abc-123"});
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final SampleClient.Body SMALL_BODY = new SampleClient.Body(BODY.length(),
            () -> new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)), false);

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
            System.err.println("usage: KIND \"METHOD URL [Name:value]... [+body=N] [+chunked] [+in-memory] [+read-timeout=MILLIS]\"...");
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

    private static void call(SampleClient client, String spec) {
        System.out.println("--- " + spec);
        SampleClient.Call call = parse(spec);
        long start = System.nanoTime();
        try {
            SampleClient.Reply reply = client.exchange(call);
            System.out.println("status=" + reply.status());
            System.out.println("outrigger-error=" + (reply.outriggerError() == null ? "-" : reply.outriggerError()));
            System.out.print(reply.body());
        } catch (Exception e) {
            System.out.println("status=- " + e);
        }
        if (call.readTimeout() != null) {
            System.out.println("elapsed-ms=" + Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        System.out.flush();
    }

    static SampleClient.Call parse(String spec) {
        String[] words = spec.split(" ");
        String method = words[0].toUpperCase(Locale.ROOT);
        List<String[]> headers = new ArrayList<>(HEADERS);
        SampleClient.Body body = WITH_BODY.contains(method) ? SMALL_BODY : null;
        boolean chunked = false;
        boolean inMemory = false;
        Duration readTimeout = null;
        for (int i = 2; i < words.length; i++) {
            String word = words[i];
            if (word.startsWith("+body=")) {
                long length = Long.parseLong(word.substring("+body=".length()));
                body = new SampleClient.Body(length, () -> new PatternBody(length), false);
            } else if (word.equals("+chunked")) {
                chunked = true;
            } else if (word.equals("+in-memory")) {
                inMemory = true;
            } else if (word.startsWith("+read-timeout=")) {
                readTimeout = Duration.ofMillis(Long.parseLong(word.substring("+read-timeout=".length())));
            } else {
                headers.add(word.split(":", 2));
            }
        }
        if (body != null && (chunked || inMemory)) {
            body = new SampleClient.Body(chunked ? -1 : body.length(), body.content(), inMemory);
        }
        return new SampleClient.Call(method, URI.create(words[1]), headers, body, readTimeout);
    }
}
