package cn.creditwindow.answers;

import java.util.function.Function;

/**
 * What one kind's refusals say, each in English and Chinese; all are required.
 *
 * @param noun      the submission in {@code "<noun> 12 not found"}, e.g. {@code inquiry} / {@code 投保咨询}
 * @param staffOnly why someone who is not of the insurer's staff may not answer
 * @param rule      the answer's rule, said when it is missing or too long
 * @param already   that this submission has been answered already (a second answer is refused)
 */
public record Words<T>(String noun, String nounZh, String staffOnly, String staffOnlyZh, String rule, String ruleZh,
                       Function<T, String> already, Function<T, String> alreadyZh) {
}
