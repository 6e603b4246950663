/**
 * The shape of "your input is wrong" shared by every domain: {@link cn.creditwindow.validation.FieldError}
 * messages in Chinese and English, the exceptions a request ends in (a {@link cn.creditwindow.validation.Refusal} of
 * a kind that says what happened: not allowed, a state conflict, a quota used up, locked out, too large…), which
 * the server alone maps to 4xx answers, and
 * {@link cn.creditwindow.validation.Input}, a request's form handed to the domain unchecked, so that the domain
 * finds the record (not found) and checks its state (a conflict) before it names every bad field of the form at once
 * (invalid input).
 */
package cn.creditwindow.validation;
