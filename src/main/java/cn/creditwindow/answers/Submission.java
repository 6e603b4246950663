package cn.creditwindow.answers;

/** What {@link Submissions} reads of one submitted record: which it is, whose it is and where it stands. */
public interface Submission<S extends Enum<S> & State> {
    long id();

    long enterpriseId();

    S state();
}
