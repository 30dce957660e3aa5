package dev.outrigger.sidecar.cli;

import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.config.SidecarConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code run --config FILE}: loads the config (nothing is bound if it is invalid), starts and serves until stopped. */
final class RunCommand implements Command {

    /** Starts a sidecar; {@link #SIDECAR} is the real one, tests pass their own. */
    @FunctionalInterface
    interface Launcher {
        Launcher SIDECAR = config -> {
            Sidecar sidecar = Sidecar.start(config);
            return new Running() {
                @Override
                public void awaitTermination() throws InterruptedException {
                    sidecar.awaitTermination();
                }

                @Override
                public void close() {
                    sidecar.close();
                }
            };
        };

        Running launch(SidecarConfig config) throws Exception;
    }

    /** A started sidecar, as far as the command line is concerned. */
    interface Running {
        void awaitTermination() throws InterruptedException;

        void close();
    }

    private final Launcher launcher;
    private final Consumer<Thread> shutdownHooks;

    /** @param shutdownHooks registers a thread to run at JVM shutdown ({@code Runtime::addShutdownHook}) */
    RunCommand(Launcher launcher, Consumer<Thread> shutdownHooks) {
        this.launcher = launcher;
        this.shutdownHooks = shutdownHooks;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String arguments() {
        return ConfigFileArgument.USAGE;
    }

    @Override
    public String summary() {
        return "Start the sidecar with the config in FILE; stop it with SIGTERM or Ctrl-C.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file = ConfigFileArgument.parse(name(), args);
        Optional<SidecarConfig> config = ConfigFileArgument.load(file, err);
        if (config.isEmpty()) {
            return ExitCodes.INVALID;
        }
        Running sidecar;
        try {
            sidecar = launcher.launch(config.get());
        } catch (Exception e) {
            err.println(file + ": cannot start the sidecar: " + e);
            return ExitCodes.FAILED;
        }
        shutdownHooks.accept(new Thread(sidecar::close, "outrigger-shutdown"));
        try {
            sidecar.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sidecar.close();
        }
        return ExitCodes.OK;
    }
}
