package dev.outrigger.sidecar.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the sidecar's command line. */
interface Command {

    /** The word that selects it: {@code run}. */
    String name();

    /** Its arguments as shown in the usage text: {@code --config FILE}. */
    String arguments();

    /** One line on what it does. */
    String summary();

    /**
     * Runs with the arguments after the command's name and returns the exit code.
     *
     * @throws UsageException when the arguments are wrong
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
