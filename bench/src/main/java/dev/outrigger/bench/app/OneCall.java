package dev.outrigger.bench.app;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/** A small app for the agent's start-up cost: one GET with HttpURLConnection, then exit (status 0 on a 200). */
public final class OneCall {
    private OneCall() {
    }

    public static void main(String[] args) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
        }
        System.exit(connection.getResponseCode() == 200 ? 0 : 1);
    }
}
