package dev.outrigger.samples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * An unchanged service that calls a URL once when it starts and once more from a shutdown hook, and otherwise
 * runs until it is stopped. Prints {@code call=start status=200 body=...}, {@code RUNNING}, and
 * {@code call=shutdown status=...} (or {@code status=- error=<exception>}).
 *
 * <pre>java dev.outrigger.samples.ShutdownCallerApp URL</pre>
 */
public final class ShutdownCallerApp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private ShutdownCallerApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        URI uri = URI.create(args[0]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        call(client, uri, "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> call(client, uri, "shutdown"), "last-call"));
        System.out.println("RUNNING");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void call(HttpClient client, URI uri, String when) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("call=" + when + " status=" + response.statusCode() + " body="
                    + response.body().lines().findFirst().orElse(""));
        } catch (Exception e) {
            System.out.println("call=" + when + " status=- error=" + e);
        }
        System.out.flush();
    }
}
