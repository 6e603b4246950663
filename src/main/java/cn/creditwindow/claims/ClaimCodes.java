package cn.creditwindow.claims;

import cn.creditwindow.reference.PipeFiles;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The coded lists of the claim form (payment methods, collection statuses, transport modes, loss causes and the
 * case questions), read from {@code claims/codes.txt} so that a new code is a data change.
 */
public final class ClaimCodes {
    /** The lists, as named in the data file. */
    public static final String PAYMENT = "PAYMENT";
    public static final String COLLECTION = "COLLECTION";
    public static final String TRANSPORT = "TRANSPORT";
    public static final String CAUSE = "CAUSE";
    public static final String QUESTION = "QUESTION";
    /** The case question whose "yes" needs the financing bank and amount. */
    public static final String FINANCING = "FINANCING";

    /** One code of a list. */
    public record Code(String list, String code, String zh, String en) {
    }

    private final List<Code> codes;

    public ClaimCodes(List<Code> codes) {
        this.codes = List.copyOf(Objects.requireNonNull(codes, "codes"));
    }

    /** The bundled lists. */
    public static ClaimCodes load() {
        return new ClaimCodes(PipeFiles.rows("/claims/codes.txt", "list|code|zh|en", 1).stream()
                .map(f -> new Code(f.get(0), f.get(1), f.get(2), f.get(3))).toList());
    }

    /** The codes of one list, in file order. */
    public List<Code> list(String list) {
        return codes.stream().filter(c -> c.list().equals(list)).toList();
    }

    /** Every code, in file order. */
    public List<Code> all() {
        return codes;
    }

    /** The code of a list, if it exists. */
    public Optional<Code> find(String list, String code) {
        return codes.stream().filter(c -> c.list().equals(list) && c.code().equals(code)).findFirst();
    }

    /** True for a letter-of-credit payment method (its code starts with {@code LC}). */
    public static boolean letterOfCredit(String paymentMethod) {
        return paymentMethod != null && paymentMethod.startsWith("LC");
    }
}
