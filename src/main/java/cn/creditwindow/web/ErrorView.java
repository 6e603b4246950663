package cn.creditwindow.web;

import java.util.List;

/**
 * What the error page shows: the status, a heading and explanation in the page's language, the
 * fields that were wrong, and a link that repeats the request without them.
 *
 * @param retryHref this page without the bad query parameters, or null when no parameter was at fault (or a form
 *                  was sent)
 * @param backHref  for a form sent, the page of ours it was sent from (to correct it there), or null
 */
public record ErrorView(int status, String heading, String message, List<FieldMessage> fields, String retryHref,
                        String backHref) {
    /** One bad field: its name as users know it, and what is wrong with it. */
    public record FieldMessage(String field, String label, String message) {
    }

    public ErrorView {
        fields = List.copyOf(fields);
    }
}
