package dev.outrigger.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the build put what the tests run, and how to launch a JVM like the one running the tests. */
public final class Artifacts {

    private static final Path MODULE_DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    private Artifacts() {
    }

    public static Path moduleDir() {
        return MODULE_DIR;
    }

    public static Path agentJar() {
        return existing(MODULE_DIR.resolve("../agent/target/outrigger-agent.jar").normalize());
    }

    public static Path sidecarJar() {
        return existing(MODULE_DIR.resolve("../sidecar-runtime/target/outrigger-sidecar.jar").normalize());
    }

    /** The compiled sample apps and the client libraries some of them use (listed by the build). */
    public static String samplesClassPath() {
        Path libraries = existing(MODULE_DIR.resolve("target/sample-class-path.txt"));
        try {
            return existing(MODULE_DIR.resolve("target/classes")) + File.pathSeparator + Files.readString(libraries).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The OkHttp sample's class path with another OkHttp in place of the one it is compiled against: the samples'
     * classes, the client kit and the jars the build put in {@code target/client-libraries/NAME}.
     */
    public static String samplesClassPathWith(String libraries) {
        Path folder = existing(MODULE_DIR.resolve("target/client-libraries").resolve(libraries));
        List<String> entries = new ArrayList<>(List.of(existing(MODULE_DIR.resolve("target/classes")).toString(),
                existing(MODULE_DIR.resolve("client-kit/target/classes")).toString()));
        try (Stream<Path> jars = Files.list(folder)) {
            jars.map(Path::toString).sorted().forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The sample apps whose client libraries clash with the main samples' (module clashing-clients). */
    public static String clashingSamplesClassPath() {
        Path module = MODULE_DIR.resolve("clashing-clients/target");
        try {
            return existing(module.resolve("classes")) + File.pathSeparator
                    + Files.readString(existing(module.resolve("sample-class-path.txt"))).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java} of the JDK running the tests, then the options, then {@code -cp samples MAIN args}. */
    public static List<String> sampleCommand(List<String> jvmOptions, Class<?> main, List<String> args) {
        return javaCommand(jvmOptions, samplesClassPath(), main.getName(), args);
    }

    /** {@code java OPTIONS -cp CLASS_PATH MAIN ARGS}. */
    public static List<String> javaCommand(List<String> jvmOptions, String classPath, String main, List<String> args) {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-cp", classPath, main));
        command.addAll(args);
        return command;
    }

    /** {@code java OPTIONS -jar outrigger-sidecar.jar ARGS}. */
    public static List<String> sidecarCommand(List<String> jvmOptions, List<String> args) {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-jar", sidecarJar().toString()));
        command.addAll(args);
        return command;
    }

    private static Path jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name);
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(jdkTool("java").toString());
        command.addAll(jvmOptions);
        return command;
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new AssertionError(path + " is missing: build it first with `mvn -B package -DskipTests`"
                    + " from the project root (or run `mvn -B verify` there)");
        }
        return path;
    }
}
