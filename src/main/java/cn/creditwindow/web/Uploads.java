package cn.creditwindow.web;

import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.MalformedRequestException;
import cn.creditwindow.validation.TooLargeException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Multipart form uploads (the pages' file inputs). Jetty parses a multipart request as a whole the first time a field
 * is read, which is before any handler: the server's authentication ({@code server.Authentication}) reads the
 * {@code _csrf} field. So the limits are set here, once for every form: a part larger than {@value #IN_MEMORY_BYTES} bytes is
 * kept in a temporary file on disk (deleted when the request ends), a file part may hold {@value #MAX_FILE_BYTES}
 * bytes (the largest any form takes: the buyer directory and customs CSV files; claim attachments are held to 4 MB by
 * the claims package itself) and the whole request that and {@value #FORM_FIELDS_BYTES} bytes more for the other
 * fields. Javalin's own {@code maxRequestSize} does not apply to multipart requests (nor to streamed bodies): only to
 * {@code ctx.body()}.
 *
 * <p>A request over these limits gets 413 with a message in Chinese and English, not a 500: Jetty stops reading at
 * the limit and reports it only as an {@link IllegalStateException} inside a {@link BadMessageException}, which
 * {@link #refusal} recognises.
 */
public final class Uploads {
    /** The largest file part of any form: 8 MB. */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** Room for the fields beside the file (the anti-forgery token, remarks…) and the multipart framing. */
    static final long FORM_FIELDS_BYTES = 64L * 1024;
    /** Parts up to this size stay in memory; larger ones go to a temporary file. */
    static final int IN_MEMORY_BYTES = 16 * 1024;

    private Uploads() {
    }

    public static void install(JavalinConfig config) {
        config.jetty.multipartConfig.maxFileSize(MAX_FILE_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_FILE_BYTES + FORM_FIELDS_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(IN_MEMORY_BYTES, SizeUnit.BYTES);
    }

    /**
     * The answer to a multipart request Jetty could not parse: 413 when it passed a limit, 400 when it was malformed;
     * empty when {@code e} is not such a failure.
     */
    public static Optional<Refusal> refusal(Throwable e) {
        boolean multipart = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException) {
                multipart = true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (multipart && t instanceof IllegalStateException
                    && (m.startsWith("max file size exceeded") || m.startsWith("max length exceeded"))) {
                return Optional.of(new TooLargeException("the upload is too large: a file sent to this"
                        + " service is at most 8 MB (claim attachments 4 MB)",
                        "上传的文件过大：本系统接收的文件不超过 8 MB（索赔附件每个不超过 4 MB）"));
            }
        }
        return multipart ? Optional.of(new MalformedRequestException("the form could not be read: send it again",
                "无法读取提交的表单，请重新提交")) : Optional.empty();
    }

    /** A file as a form or a request sent it; {@code content} is empty when none was sent. */
    public record SentFile(String name, byte[] content) {
        public boolean isEmpty() {
            return content.length == 0;
        }
    }

    /**
     * The file a request sends: the multipart form's field {@code file} (the pages' file input), else the whole body
     * with its name in {@code ?fileName=} (the API). A file over {@code maxBytes} adds a {@code file} error to
     * {@code errors} ("文件过大：最大 8 MB") and is returned empty; so is a file not sent at all, for the caller to
     * name in its own words.
     */
    public static SentFile file(Context ctx, long maxBytes, List<FieldError> errors) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("multipart/form-data")) {
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null || f.size() == 0) {
                return new SentFile(f == null ? null : f.filename(), new byte[0]);
            }
            if (f.size() > maxBytes) {
                errors.add(tooLarge(maxBytes));
                return new SentFile(f.filename(), new byte[0]);
            }
            try (InputStream in = f.content()) {
                return new SentFile(f.filename(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("reading the uploaded file " + f.filename(), e);
            }
        }
        if (ctx.contentLength() > maxBytes) {
            errors.add(tooLarge(maxBytes));
            return new SentFile(ctx.queryParam("fileName"), new byte[0]);
        }
        byte[] content = ctx.bodyAsBytes();
        if (content.length > maxBytes) {
            errors.add(tooLarge(maxBytes));
            return new SentFile(ctx.queryParam("fileName"), new byte[0]);
        }
        return new SentFile(ctx.queryParam("fileName"), content);
    }

    private static FieldError tooLarge(long maxBytes) {
        String size = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
        return new FieldError("file", "文件过大：最大 " + size, "the file is too large: at most " + size);
    }
}
