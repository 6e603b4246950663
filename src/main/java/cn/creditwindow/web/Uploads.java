package cn.creditwindow.web;

import cn.creditwindow.validation.RequestRefusedException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import java.util.Optional;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Multipart form uploads (the pages' file inputs). Jetty parses a multipart request as a whole the first time a field
 * is read, which is before any handler: {@link Authentication} reads the {@code _csrf} field. So the limits are set
 * here, once for every form: a part larger than {@value #IN_MEMORY_BYTES} bytes is kept in a temporary file on disk
 * (deleted when the request ends), a file part may hold {@value #MAX_FILE_BYTES} bytes (the largest any form takes:
 * the buyer directory and customs CSV files; claim attachments are held to 4 MB by the claims package itself) and
 * the whole request that and {@value #FORM_FIELDS_BYTES} bytes more for the other fields. Javalin's own
 * {@code maxRequestSize} does not apply to multipart requests (nor to streamed bodies): only to {@code ctx.body()}.
 *
 * <p>A request over these limits gets 413 with a message in Chinese and English, not a 500: Jetty stops reading at
 * the limit and reports it only as an {@link IllegalStateException} inside a {@link BadMessageException}, which
 * {@link #refusal} recognises.
 */
final class Uploads {
    /** The largest file part of any form: 8 MB. */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** Room for the fields beside the file (the anti-forgery token, remarks…) and the multipart framing. */
    static final long FORM_FIELDS_BYTES = 64L * 1024;
    /** Parts up to this size stay in memory; larger ones go to a temporary file. */
    static final int IN_MEMORY_BYTES = 16 * 1024;

    private Uploads() {
    }

    static void install(JavalinConfig config) {
        config.jetty.multipartConfig.maxFileSize(MAX_FILE_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_FILE_BYTES + FORM_FIELDS_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(IN_MEMORY_BYTES, SizeUnit.BYTES);
    }

    /**
     * The answer to a multipart request Jetty could not parse: 413 when it passed a limit, 400 when it was malformed;
     * empty when {@code e} is not such a failure.
     */
    static Optional<RequestRefusedException> refusal(Throwable e) {
        boolean multipart = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException) {
                multipart = true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (multipart && t instanceof IllegalStateException
                    && (m.startsWith("max file size exceeded") || m.startsWith("max length exceeded"))) {
                return Optional.of(new RequestRefusedException(413, "the upload is too large: a file sent to this"
                        + " service is at most 8 MB (claim attachments 4 MB)",
                        "上传的文件过大：本系统接收的文件不超过 8 MB（索赔附件每个不超过 4 MB）"));
            }
        }
        return multipart ? Optional.of(new RequestRefusedException(400, "the form could not be read: send it again",
                "无法读取提交的表单，请重新提交")) : Optional.empty();
    }
}
