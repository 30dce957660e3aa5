package dev.outrigger.sidecar.cli;

import dev.outrigger.sidecar.config.ConfigException;
import dev.outrigger.sidecar.config.ConfigLoader;
import dev.outrigger.sidecar.config.SidecarConfig;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The {@code --config FILE} argument that {@code run} and {@code validate} share, and loading that file. */
final class ConfigFileArgument {

    static final String USAGE = "--config FILE";
    private static final String OPTION = "--config";

    private ConfigFileArgument() {
    }

    /** The file of {@code --config FILE} or {@code --config=FILE}, the only argument allowed. */
    static Path parse(String command, List<String> args) {
        String file;
        if (args.size() == 2 && args.get(0).equals(OPTION)) {
            file = args.get(1);
        } else if (args.size() == 1 && args.get(0).startsWith(OPTION + "=")) {
            file = args.get(0).substring(OPTION.length() + 1);
        } else if (args.isEmpty()) {
            throw new UsageException(command + " needs " + USAGE);
        } else {
            throw new UsageException(command + " takes only " + USAGE + ", got: " + String.join(" ", args));
        }
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new UsageException("not a file name: " + file);
        }
    }

    /** The config in {@code file}, or empty after printing every error in it to {@code err}, one per line. */
    static Optional<SidecarConfig> load(Path file, PrintStream err) {
        try {
            return Optional.of(ConfigLoader.load(file));
        } catch (ConfigException e) {
            e.renderedErrors().forEach(err::println);
            return Optional.empty();
        }
    }
}
