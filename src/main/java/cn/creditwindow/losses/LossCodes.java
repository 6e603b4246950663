package cn.creditwindow.losses;

import cn.creditwindow.claims.ClaimCodes;
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
 * The coded lists of a possible-loss report: its causes are the claim form's ({@code claims/codes.txt}, list
 * {@code CAUSE}), so that a report turns into a claim with the same cause; the insurer's advice is
 * {@code losses/advice.txt}.
 */
public final class LossCodes {
    private final List<ClaimCodes.Code> causes;
    private final List<ClaimCodes.Code> advice;

    public LossCodes(List<ClaimCodes.Code> causes, List<ClaimCodes.Code> advice) {
        this.causes = List.copyOf(Objects.requireNonNull(causes, "causes"));
        this.advice = List.copyOf(Objects.requireNonNull(advice, "advice"));
    }

    /** The claim form's causes and the bundled advice. */
    public static LossCodes load(ClaimCodes claimCodes) {
        try (InputStream in = LossCodes.class.getResourceAsStream("/losses/advice.txt")) {
            if (in == null) {
                throw new IllegalStateException("losses/advice.txt is missing from the classpath");
            }
            List<ClaimCodes.Code> advice = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 3 || f[0].isBlank()) {
                    throw new IllegalStateException("losses/advice.txt line " + n + ": expected code|zh|en: " + line);
                }
                advice.add(new ClaimCodes.Code("ADVICE", f[0].strip(), f[1].strip(), f[2].strip()));
            }
            return new LossCodes(claimCodes.list(ClaimCodes.CAUSE), advice);
        } catch (IOException e) {
            throw new UncheckedIOException("reading losses/advice.txt", e);
        }
    }

    public List<ClaimCodes.Code> causes() {
        return causes;
    }

    public List<ClaimCodes.Code> advice() {
        return advice;
    }

    public Optional<ClaimCodes.Code> cause(String code) {
        return causes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<ClaimCodes.Code> adviceCode(String code) {
        return advice.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The cause in Chinese, or the code itself when the list no longer has it. */
    String causeZh(String code) {
        return cause(code).map(ClaimCodes.Code::zh).orElse(code);
    }
}
