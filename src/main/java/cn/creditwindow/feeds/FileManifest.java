package cn.creditwindow.feeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The embedded index's {@link FeedManifest}: a text file of {@code sha256  path} lines in the index's folder, read
 * once and written whole (atomically) at each {@link #save}.
 */
final class FileManifest implements FeedManifest {
    private final Path file;
    private final Map<String, String> hashes = new HashMap<>();

    FileManifest(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int sep = line.indexOf("  ");
                    if (sep > 0) {
                        hashes.put(line.substring(sep + 2), line.substring(0, sep));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the feed manifest " + file, e);
            }
        }
    }

    @Override
    public synchronized boolean isUnchanged(String key, String hash) {
        return hash.equals(hashes.get(key));
    }

    @Override
    public synchronized void put(String key, String hash) {
        hashes.put(key, hash);
    }

    /** Writes the manifest atomically (temporary file, then rename). */
    @Override
    public synchronized void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        List<String> lines = hashes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + "  " + e.getKey()).collect(Collectors.toList());
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
