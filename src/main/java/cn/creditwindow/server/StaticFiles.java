package cn.creditwindow.server;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The files of one classpath folder, read-only, as the handler of a route {@code /prefix/<path>}: the pages'
 * {@code /assets} (folder {@code public}) and the swagger-ui webjar ({@code META-INF/resources/webjars}).
 *
 * <p>A file is read through the class loader on its first request and then answered from memory, with a strong
 * {@code ETag} (a 304 to a matching {@code If-None-Match}) and the folder's {@code Cache-Control}. A file larger than
 * {@link #KEPT_BYTES} (the swagger-ui bundles) is not kept: only its ETag is, and its bytes are streamed from the class
 * loader on each request that needs them. A path that is empty, ends in {@code /}, or has an empty, {@code .} or
 * {@code ..} segment or a backslash is not looked up at all; it and a missing file get a bare 404 (which
 * {@link ErrorMapping} answers). What is kept is bounded by the files in the folder: misses are not remembered.
 *
 * <p>Why not Javalin's {@code staticFiles} with {@code Location.CLASSPATH}: Javalin 7 hands such a folder to Jetty 12's
 * {@code ResourceFactory}, which mounts the jar holding it as a zip file system, four times per folder, for as long as
 * the server runs. In the fat jar that was eight file systems indexing its ~26k entries each, about 45 MB of live heap
 * (a sixth of a 256 MB heap) kept for two stylesheets and a script. The class loader already has the jar open; reading
 * through it mounts nothing. Thread-safe.
 */
final class StaticFiles implements Handler {
    /** Files up to this size are kept in memory after their first request; larger ones are streamed each time. */
    static final int KEPT_BYTES = 256 * 1024;

    private final ClassLoader loader;
    private final String folder;
    private final String cacheControl;
    private final ConcurrentMap<String, File> files = new ConcurrentHashMap<>();

    /** What is known of one file; {@code bytes} is null when the file is larger than {@link #KEPT_BYTES}. */
    private record File(String contentType, String etag, byte[] bytes) {
    }

    /**
     * @param loader       where the files are read from
     * @param folder       the classpath folder, e.g. {@code "public"} (no leading or trailing slash)
     * @param cacheControl the {@code Cache-Control} of every file, e.g. {@code "no-cache"}
     */
    StaticFiles(ClassLoader loader, String folder, String cacheControl) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.folder = Objects.requireNonNull(folder, "folder") + "/";
        this.cacheControl = Objects.requireNonNull(cacheControl, "cacheControl");
    }

    /** Answers the file named by the route's {@code path} parameter (see the class description). */
    @Override
    public void handle(Context ctx) {
        String path = ctx.pathParam("path");
        File file = isPlainRelative(path) ? files.computeIfAbsent(path, this::read) : null;
        if (file == null) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", file.etag());
        ctx.contentType(file.contentType());
        if (matches(ctx.header("If-None-Match"), file.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
        } else if (file.bytes() != null) {
            ctx.result(file.bytes());
        } else {
            ctx.result(Objects.requireNonNull(loader.getResourceAsStream(folder + path), path));
        }
    }

    /** True for a relative path of non-empty segments, none of them {@code .} or {@code ..}, without backslashes. */
    static boolean isPlainRelative(String path) {
        if (path.isEmpty() || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return false;
        }
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /** The file, or null when the folder has no such file (a folder of that name is not a file). */
    private File read(String path) {
        URL url = loader.getResource(folder + path);
        if (url == null) {
            return null;
        }
        MessageDigest sha = sha256();
        byte[] kept;
        try {
            URLConnection connection = url.openConnection();
            if (isDirectory(connection)) {
                return null;
            }
            try (InputStream in = new DigestInputStream(connection.getInputStream(), sha)) {
                kept = in.readNBytes(KEPT_BYTES + 1);
                if (kept.length > KEPT_BYTES) {
                    in.transferTo(OutputStream.nullOutputStream()); // read to the end for the ETag
                    kept = null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + url, e);
        }
        String etag = "\"" + HexFormat.of().formatHex(Arrays.copyOf(sha.digest(), 12)) + "\"";
        return new File(contentType(path), etag, kept);
    }

    /**
     * A folder in a directory on the classpath (whose stream would be a listing), or in a jar (a jar finds the entry
     * {@code name/} when asked for {@code name}).
     */
    private static boolean isDirectory(URLConnection connection) throws IOException {
        if (connection instanceof JarURLConnection jar) {
            return jar.getJarEntry().isDirectory();
        }
        URL url = connection.getURL();
        try {
            return "file".equals(url.getProtocol()) && Files.isDirectory(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class loader gave a malformed address " + url, e);
        }
    }

    private static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : ContentType.Companion.mimeTypeByExtension(path.substring(dot + 1));
        return type == null ? ContentType.OCTET_STREAM : type;
    }

    /** True when {@code ifNoneMatch} (a list of tags, weak or strong, or {@code *}) names {@code etag}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || (t.startsWith("W/") && t.substring(2).equals(etag))) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
