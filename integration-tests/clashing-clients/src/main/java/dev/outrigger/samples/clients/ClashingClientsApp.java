package dev.outrigger.samples.clients;

/**
 * An unchanged service that calls with a client library whose classes clash with the main samples' (Jetty 9.4, or
 * Vert.x 4 on Netty 4.1); see {@link ClientSuite} for its arguments and output.
 */
public final class ClashingClientsApp {

    private ClashingClientsApp() {
    }

    public static void main(String[] args) throws Exception {
        ClientSuite.main(args, ClashingClientsApp::client);
    }

    private static SampleClient client(String kind) throws Exception {
        return switch (kind) {
            case "jetty9" -> new Jetty9Sample();
            case "vertx4-webclient" -> new VertxWebClientSample();
            default -> throw new IllegalArgumentException("unknown client kind " + kind);
        };
    }
}
