package cn.creditwindow.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        try (InputStream in = ClaimCodes.class.getResourceAsStream("/claims/codes.txt")) {
            if (in == null) {
                throw new IllegalStateException("claims/codes.txt is missing from the classpath");
            }
            List<Code> codes = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 4 || f[1].isBlank()) {
                    throw new IllegalStateException("claims/codes.txt line " + n + ": expected list|code|zh|en: " + line);
                }
                codes.add(new Code(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
            }
            return new ClaimCodes(codes);
        } catch (IOException e) {
            throw new UncheckedIOException("reading claims/codes.txt", e);
        }
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
