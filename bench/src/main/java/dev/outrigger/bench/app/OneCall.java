package dev.outrigger.bench.app;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;

/**
 * A small app for the agent's costs, with {@code HttpURLConnection} (keep-alive). {@code OneCall URL}: one GET, then
 * exit, for start-up. {@code OneCall URL N}: N sequential GETs, the first half as JIT warm-up, then prints the median
 * time of the second half's calls as {@code per-call-median-us=...}, for the cost per request. Exits 0 only if every
 * call answered 200.
 */
public final class OneCall {
    private OneCall() {
    }

    public static void main(String[] args) throws Exception {
        URL url = URI.create(args[0]).toURL();
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int warmUp = calls / 2;
        long[] nanos = new long[calls - warmUp];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            if (!ok(url)) {
                System.exit(1);
            }
            if (i >= warmUp) {
                nanos[i - warmUp] = System.nanoTime() - start;
            }
        }
        if (calls > 1) {
            Arrays.sort(nanos);
            System.out.printf("per-call-median-us=%.1f%n", nanos[nanos.length / 2] / 1e3);
        }
        System.exit(0);
    }

    private static boolean ok(URL url) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
        }
        return connection.getResponseCode() == 200;
    }
}
