package dev.outrigger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The box the numbers come from. */
record Machine(int cpus, String cpuModel, String kernel, String reportJvm) {

    static Machine describe() throws IOException {
        List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        int cpus = (int) cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
        String model = cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        String kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        return new Machine(cpus, model, kernel,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }
}
