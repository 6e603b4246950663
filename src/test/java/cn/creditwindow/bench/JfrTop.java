package cn.creditwindow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU samples of a JFR recording (made with {@code Bench --jfr}) fall: the hottest methods by
 * self time, and by total time (a method counted once per sample it is anywhere on the stack),
 * optionally only for threads whose name matches a pattern and for samples with a matching method on
 * the stack (say {@code LuceneArticleIndex.search}).
 * <pre>
 * java -cp target/test-classes cn.creditwindow.bench.JfrTop target/bench/queries-1000000.jfr [thread-regex [n [under-regex]]]
 * </pre>
 */
final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Pattern threads = Pattern.compile(args.length > 1 ? args[1] : ".*");
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Pattern under = args.length > 3 ? Pattern.compile(args[3]) : null;
        System.out.print(top(file, threads, n, under));
    }

    /** The report {@link #main} prints: the {@code n} hottest methods by self and by total time ({@code under} may be null). */
    static String top(Path file, Pattern threads, int n, Pattern under) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            if (thread == null || !threads.matcher(thread).find()) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (under != null && frames.stream().noneMatch(f -> under.matcher(name(f)).find())) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String m = name(f);
                if (seen.add(m)) {
                    total.merge(m, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format("%,d samples%n%nself:%n", samples));
        print(out, self, samples, n);
        out.append(String.format("%ntotal (on the stack):%n"));
        print(out, total, samples, n);
        return out.toString();
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(StringBuilder out, Map<String, Integer> counts, int samples, int n) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey())));
    }
}
