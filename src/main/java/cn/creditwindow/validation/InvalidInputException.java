package cn.creditwindow.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; carries one {@link FieldError} per offending field. Mapped to 400. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.en()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String zh, String en) {
        this(List.of(new FieldError(field, zh, en)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
