package dev.outrigger.sidecar.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The sidecar jar's entry point: {@code java -jar outrigger-sidecar.jar <command> [options]}. */
public final class Main {

    private static final List<String> HELP_OPTIONS = List.of("--help", "-h");
    /** One line per record: time, level, message (JUL's default spends two lines and names the class). */
    private static final String LOG_FORMAT = "%1$tFT%1$tT.%1$tL%1$tz %4$s outrigger: %5$s%6$s%n";

    private final PrintStream out;
    private final PrintStream err;
    private final List<Command> commands;

    Main(PrintStream out, PrintStream err, List<Command> commands) {
        this.out = out;
        this.err = err;
        this.commands = List.copyOf(commands);
    }

    public static void main(String[] args) {
        // First, before anything logs: the log manager is chosen once, when the first logger is made.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownLogManager.class.getName());
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
        }
        Main main = new Main(System.out, System.err, commands(RunCommand.Launcher.SIDECAR,
                Runtime.getRuntime()::addShutdownHook));
        int exitCode = main.execute(args);
        if (exitCode != ExitCodes.OK) {
            System.exit(exitCode);
        }
    }

    /** Every command, in the order the usage text lists them. */
    static List<Command> commands(RunCommand.Launcher launcher, Consumer<Thread> shutdownHooks) {
        return List.of(new RunCommand(launcher, shutdownHooks), new ValidateCommand(), new CertsCommand(Clock.systemUTC()));
    }

    /** Runs the command line and returns the process exit code. */
    int execute(String... args) {
        if (args.length == 0) {
            err.print(usage());
            return ExitCodes.INVALID;
        }
        List<String> all = Arrays.asList(args);
        if (args[0].equals("help") || all.stream().anyMatch(HELP_OPTIONS::contains)) {
            out.print(usage());
            return ExitCodes.OK;
        }
        try {
            Command command = find(args[0]).orElseThrow(() -> new UsageException("unknown command '" + args[0] + "'"));
            return command.run(all.subList(1, args.length), out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(usage());
            return ExitCodes.INVALID;
        }
    }

    private Optional<Command> find(String name) {
        return commands.stream().filter(command -> command.name().equals(name)).findFirst();
    }

    private String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar outrigger-sidecar.jar <command> [options]\n\nCommands:\n");
        for (Command command : commands) {
            text.append(String.format("  %-26s %s\n", command.name() + " " + command.arguments(), command.summary()));
        }
        return text.append(String.format("\nOptions:\n  %-26s %s\n", "--help", "Print this help.")).toString();
    }
}
