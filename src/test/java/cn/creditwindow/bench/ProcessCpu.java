package cn.creditwindow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far, in nanoseconds, by this JVM and by a PostgreSQL server's processes, read from Linux's
 * {@code /proc}: what the nodes benchmark divides by the operations done to say where the time went (#17).
 */
final class ProcessCpu {
    /** Clock ticks a second of {@code /proc/<pid>/stat}'s times: 100 on every Linux this runs on. */
    private static final long TICKS = 100;

    private ProcessCpu() {
    }

    /** CPU time of this JVM (every thread: the nodes, the clients, GC and JIT). */
    static long jvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time of this JVM's child processes that have ended and been waited for (the kernel adds a child's time to its
     * parent's {@code cutime} and {@code cstime} when the parent reaps it, which the JDK does as soon as it ends): the
     * difference across a child's life is the child's CPU time, when no other child ends meanwhile. -1 where there is
     * no {@code /proc} (not Linux).
     */
    static long reapedChildren() {
        long[] s = stat(ProcessHandle.current().pid());
        return s == null ? -1 : (s[3] + s[4]) * 1_000_000_000L / TICKS;
    }

    /** CPU time of the given threads of this JVM (those still alive). */
    static long threads(List<Thread> threads) {
        var mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : threads) {
            long ns = mx.getThreadCpuTime(t.getId());
            sum += Math.max(0, ns);
        }
        return sum;
    }

    /**
     * The pid of the PostgreSQL server listening on {@code port}: the {@code postgres} process whose command line
     * names the port (the postmaster; the connections' backends are its children), or -1 when there is none.
     */
    static long postmaster(int port) {
        for (long pid : pids()) {
            List<String> args = cmdline(pid);
            if (!args.isEmpty() && args.get(0).endsWith("postgres")) {
                for (int i = 0; i < args.size(); i++) {
                    String a = args.get(i);
                    if (a.equals("-p " + port) || a.equals("-p" + port)
                            || (a.equals("-p") && i + 1 < args.size() && args.get(i + 1).equals("" + port))) {
                        return pid;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * CPU time of a PostgreSQL server: the postmaster's own, its children's that ended (the kernel adds them to the
     * parent's), and its live children's (backends, the writer, the WAL writer…). 0 for pid -1.
     */
    static long postgres(long postmaster) {
        if (postmaster < 0) {
            return 0;
        }
        long[] own = stat(postmaster);
        if (own == null) {
            return 0;
        }
        long ticks = own[1] + own[2] + own[3] + own[4];
        for (long pid : pids()) {
            long[] s = pid == postmaster ? null : stat(pid);
            if (s != null && s[0] == postmaster) {
                ticks += s[1] + s[2];
            }
        }
        return ticks * 1_000_000_000L / TICKS;
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null when it has gone. */
    private static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: the fields after it count from ')'
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null; // ended meanwhile
        }
    }

    private static List<String> cmdline(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
            return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> pids.add(Long.parseLong(n)));
        } catch (IOException e) {
            // not Linux: no PostgreSQL figures
        }
        return pids;
    }
}
