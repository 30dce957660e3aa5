package dev.outrigger.agent;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * An unchanged app for the end-to-end tests: it knows nothing of Outrigger. It POSTs to the URL given as its argument
 * once with each JDK client and prints one line per call: {@code <client> OK <status> <body>} or
 * {@code <client> FAILED <exception classes, outermost first>}.
 */
public final class ThreeCallsApp {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ThreeCallsApp() {
    }

    public static void main(String[] args) {
        URI uri = URI.create(args[0]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        report("send", () -> describe(client.send(request(uri, "send"), HttpResponse.BodyHandlers.ofString())));
        report("sendAsync", () -> describe(client.sendAsync(request(uri, "sendAsync"), HttpResponse.BodyHandlers.ofString())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)));
        report("HttpURLConnection", () -> urlConnection(uri));
    }

    private static HttpRequest request(URI uri, String clientName) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("X-Client", clientName)
                .POST(HttpRequest.BodyPublishers.ofString(body(clientName))).build();
    }

    static String body(String clientName) {
        return "hello from " + clientName;
    }

    private static String describe(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    private static String urlConnection(URI uri) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout((int) TIMEOUT.toMillis());
        connection.setReadTimeout((int) TIMEOUT.toMillis());
        connection.setRequestMethod("POST");
        connection.setRequestProperty("X-Client", "HttpURLConnection");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body("HttpURLConnection").getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = connection.getInputStream()) {
            return connection.getResponseCode() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void report(String clientName, Callable<String> call) {
        try {
            System.out.println(clientName + " OK " + call.call());
        } catch (Exception e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.append(' ').append(t.getClass().getName());
            }
            System.out.println(clientName + " FAILED" + causes);
        }
    }
}
