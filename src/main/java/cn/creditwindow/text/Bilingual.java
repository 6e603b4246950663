package cn.creditwindow.text;

/**
 * A thing shown by a Chinese and an English name, such as a state, a kind or a role. It holds its {@link Names}
 * once; {@link #zh()} and {@link #en()} read them.
 */
public interface Bilingual {
    /** Its two names. */
    Names names();

    /** Its Chinese name. */
    default String zh() {
        return names().zh();
    }

    /** Its English name. */
    default String en() {
        return names().en();
    }
}
