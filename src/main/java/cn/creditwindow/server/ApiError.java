package cn.creditwindow.server;

import cn.creditwindow.validation.FieldError;
import java.util.List;

/**
 * The body of every error answer.
 *
 * @param status    the HTTP status, repeated for clients that only see the body
 * @param error     a stable machine-readable code, e.g. {@code invalid_input}
 * @param message   what went wrong, in English
 * @param messageZh the same in Chinese
 * @param errors    per-field problems (empty when the request as a whole was refused)
 */
record ApiError(int status, String error, String message, String messageZh, List<FieldError> errors) {
}
