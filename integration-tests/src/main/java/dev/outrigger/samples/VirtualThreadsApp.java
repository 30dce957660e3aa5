package dev.outrigger.samples;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * An unchanged service that makes its calls from virtual threads (JDK 21 and later; built for 17, so it finds them
 * by reflection). Calls the URL N times with the JDK HttpClient and N times with HttpURLConnection, each call on a
 * virtual thread of its own, and prints one line per call: {@code client=httpclient virtual=true status=200 body=...}
 * or {@code ... status=- error=<exception>}; or only {@code virtual-threads=unsupported} on an older JDK.
 *
 * <pre>java dev.outrigger.samples.VirtualThreadsApp URL N</pre>
 */
public final class VirtualThreadsApp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private VirtualThreadsApp() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService executor;
        try {
            executor = (ExecutorService) java.util.concurrent.Executors.class
                    .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException e) {
            System.out.println("virtual-threads=unsupported");
            return;
        }
        URI uri = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(executor.submit(reported("httpclient", () -> {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() + " body=" + firstLine(response.body());
            })));
            calls.add(executor.submit(reported("urlconnection", () -> urlConnection(uri))));
        }
        for (Future<String> call : calls) {
            System.out.println(call.get());
        }
        executor.shutdown();
    }

    private static Callable<String> reported(String clientName, Callable<String> call) {
        return () -> {
            String prefix = "client=" + clientName + " virtual=" + isVirtual(Thread.currentThread());
            try {
                return prefix + " status=" + call.call();
            } catch (Exception e) {
                return prefix + " status=- error=" + e;
            }
        };
    }

    private static String urlConnection(URI uri) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout((int) TIMEOUT.toMillis());
        connection.setReadTimeout((int) TIMEOUT.toMillis());
        try (InputStream in = connection.getInputStream()) {
            return connection.getResponseCode() + " body=" + firstLine(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static boolean isVirtual(Thread thread) throws Exception {
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }

    private static String firstLine(String body) {
        return body.lines().findFirst().orElse("");
    }
}
