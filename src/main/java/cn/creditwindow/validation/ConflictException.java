package cn.creditwindow.validation;

/** The record is not in a state that allows this (already decided, already open, not yet submitted…), or it would break a rule that holds across records (one claim a declaration). */
public class ConflictException extends Refusal {
    public ConflictException(String en, String zh) {
        super(en, zh);
    }
}
