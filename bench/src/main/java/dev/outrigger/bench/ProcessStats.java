package dev.outrigger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from /proc. */
final class ProcessStats {
    /** USER_HZ: the unit of utime and stime in /proc/PID/stat; 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** User plus system CPU time used so far, in microseconds. */
    static double cpuMicros(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1e6 / TICKS_PER_SECOND;
    }

    /** Resident set size in MiB (VmRSS). */
    static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /** The 1-minute load average. */
    static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
