package cn.creditwindow.losses;

import cn.creditwindow.claims.ClaimCodes;
import cn.creditwindow.reference.PipeFiles;
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
        return new LossCodes(claimCodes.list(ClaimCodes.CAUSE), PipeFiles.rows("/losses/advice.txt", "code|zh|en", 0)
                .stream().map(f -> new ClaimCodes.Code("ADVICE", f.get(0), f.get(1), f.get(2))).toList());
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
