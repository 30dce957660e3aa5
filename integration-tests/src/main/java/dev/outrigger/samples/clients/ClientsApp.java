package dev.outrigger.samples.clients;

import java.net.http.HttpClient;

/**
 * An unchanged service that calls with a third-party HTTP client, built as its documentation shows; see
 * {@link ClientSuite} for its arguments and output. The OkHttp sample also runs on OkHttp 3 and 5 class paths: its
 * code uses only the API those share with the 4.x it is compiled against.
 */
public final class ClientsApp {

    private ClientsApp() {
    }

    public static void main(String[] args) throws Exception {
        ClientSuite.main(args, ClientsApp::client);
    }

    private static SampleClient client(String kind) throws Exception {
        return switch (kind) {
            case "jdk-httpclient" -> new JdkHttpClientSample(HttpClient.newHttpClient(), false);
            case "jdk-httpclient-async" -> new JdkHttpClientSample(HttpClient.newHttpClient(), true);
            case "jdk-httpclient-following" -> new JdkHttpClientSample(
                    HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(), false);
            case "okhttp" -> new OkHttpSample();
            case "feign-okhttp" -> new FeignSample();
            case "apache5-default" -> new Apache5Sample(org.apache.hc.client5.http.impl.classic.HttpClients.createDefault());
            case "apache5-system" -> new Apache5Sample(org.apache.hc.client5.http.impl.classic.HttpClients.createSystem());
            case "apache5-async" -> new Apache5AsyncSample();
            case "apache4-default" -> new Apache4Sample(org.apache.http.impl.client.HttpClients.createDefault());
            case "apache4-system" -> new Apache4Sample(org.apache.http.impl.client.HttpClients.createSystem());
            case "apache4-async" -> new Apache4AsyncSample();
            case "jetty12" -> new Jetty12Sample();
            case "spring-resttemplate" -> new RestTemplateSample();
            case "spring-restclient" -> new RestClientSample();
            case "reactor-netty" -> new ReactorNettySample();
            case "spring-webclient" -> new WebClientSample();
            default -> throw new IllegalArgumentException("unknown client kind " + kind);
        };
    }
}
