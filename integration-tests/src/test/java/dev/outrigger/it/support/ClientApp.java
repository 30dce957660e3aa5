package dev.outrigger.it.support;

import java.util.ArrayList;
import java.util.List;

/**
 * One client sample as the tests start it: its app's main class, the class path of the library version it runs on,
 * and the client kind the app is asked for (see {@code ClientSuite}).
 *
 * @param name what the test reports, e.g. {@code okhttp3}
 */
public record ClientApp(String name, String main, String classPath, String kind) {

    private static final String CLIENTS_APP = "dev.outrigger.samples.clients.ClientsApp";
    private static final String CLASHING_CLIENTS_APP = "dev.outrigger.samples.clients.ClashingClientsApp";

    /** A kind of the main sample app, on the samples' class path. */
    public static ClientApp of(String kind) {
        return new ClientApp(kind, CLIENTS_APP, Artifacts.samplesClassPath(), kind);
    }

    /** The OkHttp sample on another OkHttp version's jars, e.g. {@code okhttp3}. */
    public static ClientApp okHttpOn(String libraries) {
        return new ClientApp(libraries, CLIENTS_APP, Artifacts.samplesClassPathWith(libraries), "okhttp");
    }

    /** A kind of the sample app whose libraries clash with the main samples'. */
    public static ClientApp clashing(String kind) {
        return new ClientApp(kind, CLASHING_CLIENTS_APP, Artifacts.clashingSamplesClassPath(), kind);
    }

    /** {@code java OPTIONS -cp ... MAIN KIND ARGS}. */
    public List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> appArgs = new ArrayList<>(List.of(kind));
        appArgs.addAll(args);
        return Artifacts.javaCommand(jvmOptions, classPath, main, appArgs);
    }

    @Override
    public String toString() {
        return name;
    }
}
