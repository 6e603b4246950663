package cn.creditwindow.answers;

import cn.creditwindow.accounts.Principal;

/**
 * Where one kind of submission comes in and is answered: its form, what an empty form starts with, submitting it
 * (each kind its own fields and rules), and its {@link Submissions}, which list, read and answer it. The API
 * ({@link SubmissionHandlers}) and the pages ({@link SubmissionPages}) serve any kind through this.
 *
 * @param <T> the submission
 * @param <S> its states
 * @param <F> what its form sends, a record of strings named as the form's fields
 */
public interface Desk<T extends Submission<S>, S extends Enum<S> & State, F extends Record & Form> {
    /** The form's record type, read from a JSON body or from the form's fields of the same names. */
    Class<F> form();

    /** What the empty form starts with for the principal: for an enterprise's person their enterprise and contact. */
    F draft(Principal who);

    /** Submits the form for the principal's enterprise; every bad field is reported at once and nothing is saved. */
    T submit(Principal who, F form);

    /** The submissions of this kind: list, read, answer. */
    Submissions<T, S> submissions();
}
