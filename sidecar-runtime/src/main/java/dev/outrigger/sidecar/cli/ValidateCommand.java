package dev.outrigger.sidecar.cli;

import dev.outrigger.sidecar.config.SidecarConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code validate --config FILE}: checks a config file without starting anything. */
final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String arguments() {
        return ConfigFileArgument.USAGE;
    }

    @Override
    public String summary() {
        return "Check FILE and print every error in it, with its line.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file = ConfigFileArgument.parse(name(), args);
        Optional<SidecarConfig> config = ConfigFileArgument.load(file, err);
        if (config.isEmpty()) {
            return ExitCodes.INVALID;
        }
        int services = config.get().services().size();
        out.println(file + ": OK (" + services + (services == 1 ? " service)" : " services)"));
        return ExitCodes.OK;
    }
}
