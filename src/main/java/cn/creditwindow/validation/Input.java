package cn.creditwindow.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a request sent, read but not yet checked: the value (a form's record, or one field of it), and the fields
 * that could not even be read ({@code unreadable}: text where a number belongs, a property the form does not have,
 * a body that is not JSON), each left null in the value.
 *
 * <p>The domain method that takes an input checks it last, after it has found the record the request acts on
 * ({@link NotFoundException}, not found) and seen that its state lets the request apply ({@link ConflictException},
 * a conflict): a request that cannot apply is refused as such whatever its body says. {@link #check} then runs the
 * form's rules and names every bad field, unreadable or not, in one {@link InvalidInputException} (invalid input).
 *
 * @param value      what was sent; null only for a single field that was not given
 * @param unreadable the fields that could not be read, in the order met
 */
public record Input<T>(T value, List<FieldError> unreadable) {
    /** The field an error names when the body as a whole could not be read (not JSON, not an object). */
    public static final String WHOLE_BODY = "body";

    public Input {
        unreadable = List.copyOf(unreadable);
    }

    /** A value read without trouble (a page's text fields, a test's record). */
    public static <T> Input<T> of(T value) {
        return new Input<>(value, List.of());
    }

    /** The same input seen through one of its parts (a body's {@code reason}, say); the unreadable fields stay. */
    public <R> Input<R> map(Function<? super T, ? extends R> part) {
        return new Input<>(value == null ? null : part.apply(value), unreadable);
    }

    /**
     * Applies the form's {@code rules} to the value, each adding a {@link FieldError} per broken rule to the list it
     * is given, and returns what they made of it; throws one {@link InvalidInputException} naming the unreadable
     * fields and every error the rules added, when there is any. An unreadable field is named once, by why it could
     * not be read (what the rules made of the null it was read as is left out, for it and the fields inside it). A
     * body that could not be read at all is refused before the rules run: they would only call every field missing.
     */
    public <R> R check(BiFunction<? super T, List<FieldError>, ? extends R> rules) {
        if (unreadable.stream().anyMatch(e -> e.field().equals(WHOLE_BODY))) {
            throw new InvalidInputException(unreadable);
        }
        List<FieldError> errors = new ArrayList<>();
        R checked = rules.apply(value, errors);
        List<FieldError> all = new ArrayList<>(unreadable);
        for (FieldError e : errors) {
            if (unreadable.stream().noneMatch(u -> e.field().equals(u.field())
                    || e.field().startsWith(u.field() + "."))) {
                all.add(e);
            }
        }
        if (!all.isEmpty()) {
            throw new InvalidInputException(all);
        }
        return checked;
    }
}
