package dev.dtprobe.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time for the benchmarks, which the shared machine's load distorts far less than wall
 * time: this JVM's (every thread, JIT and GC included) and that of its finished child
 * processes (Linux {@code /proc/self/stat} cutime + cstime, in clock ticks of 10 ms).
 */
final class CpuTime {
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private CpuTime() {
    }

    /** This process's CPU time in nanoseconds, or -1 if the JVM cannot tell. */
    static long self() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU time of the child processes this JVM has waited for, in nanoseconds, or -1 off Linux. */
    static long children() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the parenthesised command name; cutime and cstime are fields 16 and 17
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
