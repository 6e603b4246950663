package cn.creditwindow.answers;

import cn.creditwindow.notify.Notice;
import cn.creditwindow.store.Tx;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * One kind of submission the insurer's staff answer once: the table its rows are in, the columns its answer is kept
 * in, its two states, how a row reads and what its refusals say.
 *
 * @param table      e.g. {@code inquiries}: a table with {@code id}, {@code enterprise_id}, {@code submitted_by},
 *                   {@code state} and the three answer columns
 * @param answer     the column the answer is kept in, which is also the field a request sends it in and its errors
 *                   name ({@code answer}, {@code reply})
 * @param answeredBy the column of the user who answered; their display name is read as {@code <answeredBy>_name},
 *                   the submitter's as {@code submitted_by_name}
 * @param answeredAt the column of when
 * @param waiting    the state of a submission not answered yet
 * @param answered   the state answering moves it to
 * @param row        reads one row of the table with those two names
 * @param words      what its refusals say
 * @param notices    what the submitter is sent once it is answered, made from the answered submission and the
 *                   answer's text; sent in the answer's transaction
 */
public record Kind<T extends Submission<S>, S extends Enum<S> & State>(String table, String answer, String answeredBy,
                                                                       String answeredAt, S waiting, S answered,
                                                                       Tx.RowMapper<T> row, Words<T> words,
                                                                       BiFunction<T, String, List<Notice>> notices) {
    /** What a table or column name may be: it is written into the SQL, not bound. */
    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    public Kind {
        for (String name : Arrays.asList(table, answer, answeredBy, answeredAt)) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a kind's table and columns are lower-case SQL names, not " + name);
            }
        }
        if (waiting == null || answered == null || waiting == answered) {
            throw new IllegalArgumentException("a kind needs two states, waiting and answered, not " + waiting + " and "
                    + answered);
        }
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(notices, "notices");
    }
}
