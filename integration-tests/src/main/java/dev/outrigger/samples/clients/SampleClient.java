package dev.outrigger.samples.clients;

import java.net.URI;
import java.util.List;

/** One HTTP client library, used the way its documentation shows. */
public interface SampleClient extends AutoCloseable {

    /** What the app saw: the status, the sidecar's {@code x-outrigger-error} header if any, and the body. */
    record Reply(int status, String outriggerError, String body) {
    }

    /**
     * @param headers name and value pairs, sent in order; a name may repeat
     * @param body {@code null} for none
     */
    Reply exchange(String method, URI uri, List<String[]> headers, byte[] body) throws Exception;

    /** Each kind loads only its own library's classes. */
    static SampleClient of(String kind) throws Exception {
        return switch (kind) {
            case "okhttp" -> new OkHttpSample();
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
