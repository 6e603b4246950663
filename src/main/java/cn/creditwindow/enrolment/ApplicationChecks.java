package cn.creditwindow.enrolment;

import cn.creditwindow.accounts.Contacts;
import cn.creditwindow.enrolment.Enrolments.ApplicationForm;
import cn.creditwindow.enrolment.Enrolments.ContactDetails;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks of the application form (step 2 of {@link Enrolments}): the contact details, the declaration tick and
 * the verification code as typed, each bad field named; and what a code that is not the right one tells the user
 * (wrong with the tries left, expired, dead, used, another's, sent to another mobile).
 */
final class ApplicationChecks {
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private ApplicationChecks() {
    }

    /** A checked application: the contact details, cleaned, and the code as typed. */
    record Submitted(ContactDetails contact, String code) {
    }

    /** The application form checked, an error added per bad field. */
    static Submitted application(ApplicationForm form, List<FieldError> errors) {
        ContactDetails c = contact(new ContactDetails(form.contactName(), form.mobile(), form.email()), errors);
        if (!Boolean.TRUE.equals(form.declaration())) {
            errors.add(new FieldError("declaration", "请勾选“已认真阅读以上内容并同意”",
                    "tick the declaration (I have read the above carefully and agree)"));
        }
        String code = form.code() == null ? "" : form.code().strip();
        if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "请填写 6 位数字验证码", "enter the 6-digit verification code"));
        }
        return new Submitted(c, code);
    }

    /** Why a code that is not the right one is refused, naming the field to fix (the code, or the mobile it went to). */
    static InvalidInputException codeRefusal(VerificationCodes.Check check) {
        if (check instanceof VerificationCodes.Check.OtherRequester o) {
            return new InvalidInputException("code", "当前有效的验证码由" + o.requester() + "获取，已发送至 "
                    + mask(o.sentTo()) + "，只能由其本人使用；如需由您提交，请重新获取验证码（原验证码随即失效）",
                    "the live verification code was requested by " + o.requester() + " and sent to "
                    + mask(o.sentTo()) + "; only they can use it. To submit yourself, request a new code (theirs then"
                    + " stops working)");
        }
        if (check instanceof VerificationCodes.Check.OtherMobile o) {
            return new InvalidInputException("mobile", "验证码已发送至 " + mask(o.sentTo())
                    + "，更换手机号码后请重新获取验证码", "the code was sent to " + mask(o.sentTo())
                    + "; after changing the mobile number request a new code");
        }
        if (check instanceof VerificationCodes.Check.Wrong w) {
            return w.triesLeft() > 0
                    ? new InvalidInputException("code", "验证码错误，还可尝试 " + w.triesLeft() + " 次",
                    "wrong verification code; " + w.triesLeft() + (w.triesLeft() == 1 ? " try" : " tries") + " left")
                    : new InvalidInputException("code", "验证码错误，已连续错误 " + VerificationCodes.TRIES
                    + " 次，该验证码已失效，请重新获取", "wrong verification code, " + VerificationCodes.TRIES
                    + " wrong tries: the code no longer works, request a new one (0 tries left)");
        }
        if (check instanceof VerificationCodes.Check.Dead) {
            return new InvalidInputException("code", "该验证码已因错误 " + VerificationCodes.TRIES
                    + " 次失效，请重新获取（剩余 0 次）", "this code was entered wrongly " + VerificationCodes.TRIES
                    + " times and no longer works; request a new one (0 tries left)");
        }
        if (check instanceof VerificationCodes.Check.Expired) {
            return new InvalidInputException("code", "验证码已过期（有效期 " + VerificationCodes.VALID_MINUTES
                    + " 分钟），请重新获取", "the verification code has expired (it is valid for "
                    + VerificationCodes.VALID_MINUTES + " minutes); request a new one");
        }
        if (check instanceof VerificationCodes.Check.None n && n.used()) {
            return new InvalidInputException("code", "该验证码已使用或已被新获取的验证码取代，请重新获取",
                    "this verification code has been used or replaced by a newer one; request a new one");
        }
        return new InvalidInputException("code", "请先获取验证码", "request a verification code first");
    }

    /** The contact details checked and cleaned (the mobile normalised), an error added per bad field. */
    static ContactDetails contact(ContactDetails c, List<FieldError> errors) {
        String name = c.contactName() == null ? "" : c.contactName().strip();
        if (name.isEmpty() || name.length() > 50) {
            errors.add(new FieldError("contactName", "请填写主要联系人姓名（不超过 50 字）",
                    "the contact name is required (at most 50 characters)"));
        }
        Contacts.checkMobile("mobile", c.mobile()).ifPresent(errors::add);
        Contacts.checkEmail("email", c.email()).ifPresent(errors::add);
        return new ContactDetails(name, Contacts.normaliseMobile(c.mobile()),
                c.email() == null ? "" : c.email().strip());
    }


    /** A mobile number as shown to others: 138****0001. */
    static String mask(String mobile) {
        return mobile.length() == 11 ? mobile.substring(0, 3) + "****" + mobile.substring(7) : mobile;
    }
}
