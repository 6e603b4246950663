package cn.creditwindow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** What the figures were measured on, and file sizes. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException | UncheckedIOException e) {
            // not Linux: the CPU stays unknown
        }
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB; %s %s; JDK %s (%s), bench JVM -Xmx%.0fg",
                cpu, Runtime.getRuntime().availableProcessors(), memory / (double) (1L << 30),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / (double) (1L << 30));
    }

    /**
     * The 1-minute load average, also noted in the report: above 2 on this 2-core machine, other
     * processes were competing for the CPU.
     */
    static String load(Report report) {
        double load = loadAverage();
        if (Double.isNaN(load)) {
            return "unknown";
        }
        report.noteLoad(load);
        return String.format(Locale.ROOT, "%.1f", load);
    }

    /** The 1-minute load average, or NaN where there is none to read (not Linux). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Total size of the files under a folder. */
    static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file merged away meanwhile
                }
            }).sum();
        }
    }
}
