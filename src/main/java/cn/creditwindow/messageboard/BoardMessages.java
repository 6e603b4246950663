package cn.creditwindow.messageboard;

import static cn.creditwindow.validation.Text.blankToNull;
import static cn.creditwindow.validation.Text.required;

import cn.creditwindow.accounts.Contacts;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.answers.Desk;
import cn.creditwindow.answers.Form;
import cn.creditwindow.answers.Kind;
import cn.creditwindow.answers.Submissions;
import cn.creditwindow.answers.Submitter;
import cn.creditwindow.answers.Words;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.reference.Place;
import cn.creditwindow.reference.Regions;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotAllowedException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The message board: an enterprise's people leave messages, everyone who may see the enterprise reads them
 * ({@link Tenancy}; others' answer not found), and the insurer's staff reply to each once ({@link Submissions}).
 */
public final class BoardMessages implements Desk<BoardMessage, MessageState, BoardMessages.NewMessage> {
    static final int MAX_NAME = 100;
    static final int MAX_CONTACT = 50;
    static final int MAX_SUBJECT = 100;
    static final int MAX_CONTENT = 2000;
    static final int MAX_REPLY = Submissions.MAX_ANSWER;
    private static final Kind<BoardMessage, MessageState> KIND = new Kind<>("board_messages", "reply", "replied_by",
            "replied_at", MessageState.SUBMITTED, MessageState.REPLIED, BoardMessages::message,
            new Words<>("message", "留言", "only the insurer's staff reply to messages", "仅保险公司人员可以回复留言",
                    "write the reply (at most " + MAX_REPLY + " characters)",
                    "请填写回复内容（不超过 " + MAX_REPLY + " 字）",
                    m -> "message " + m.id() + " has been replied to already",
                    m -> "留言 " + m.id() + " 已回复，不能重复回复"), BoardMessages::told);

    private final Database db;
    private final Regions regions;
    private final Clock clock;
    private final Submissions<BoardMessage, MessageState> submissions;

    public BoardMessages(Database db, Regions regions, Notifier notifier, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.submissions = new Submissions<>(db, regions, notifier, clock, KIND);
    }

    /** What the form sends; {@code province}, {@code city} and {@code district} are division codes. */
    public record NewMessage(String companyName, String province, String city, String district, String contactName,
                             String mobile, String email, String subject, String content) implements Form {
    }

    @Override
    public Class<NewMessage> form() {
        return NewMessage.class;
    }

    /**
     * The messages the principal may see, newest first, and the staff's reply (已提交 → 已回复), of which the message's
     * contact is told by SMS, and by e-mail when one was given.
     */
    @Override
    public Submissions<BoardMessage, MessageState> submissions() {
        return submissions;
    }

    /** Leaves a message for the principal's enterprise; every bad field is reported at once and nothing is saved. */
    @Override
    public BoardMessage submit(Principal who, NewMessage in) {
        if (!who.role().isEnterpriseUser()) {
            throw new NotAllowedException("only an enterprise's people leave messages", "仅企业用户可以留言");
        }
        List<FieldError> errors = new ArrayList<>();
        String company = required("companyName", in.companyName(), MAX_NAME, "企业名称", "the company name", errors);
        Regions.Chain chain = regions.chain("", in.province(), in.city(), in.district(), errors).orElse(null);
        String contact = required("contactName", in.contactName(), MAX_CONTACT, "联系人", "the contact's name", errors);
        Contacts.checkMobile("mobile", in.mobile()).ifPresent(errors::add);
        String email = blankToNull(in.email());
        if (email != null) {
            Contacts.checkEmail("email", email).ifPresent(errors::add);
        }
        String subject = required("subject", in.subject(), MAX_SUBJECT, "留言主题", "the subject", errors);
        String content = required("content", in.content(), MAX_CONTENT, "留言内容", "the message", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String mobile = Contacts.normaliseMobile(in.mobile());
        return db.inTransaction(tx -> {
            long id = tx.insert("INSERT INTO board_messages (enterprise_id, submitted_by, company_name, province_code,"
                            + " province_name, city_code, city_name, district_code, district_name, contact_name, mobile,"
                            + " email, subject, content, state, submitted_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    who.enterpriseId(), who.userId(), company, chain.province().code(), chain.province().name(),
                    chain.city().code(), chain.city().name(), chain.district() == null ? null : chain.district().code(),
                    chain.district() == null ? null : chain.district().name(), contact, mobile, email, subject, content,
                    MessageState.SUBMITTED, clock.instant());
            return submissions.read(tx, id);
        });
    }

    /** What the message's contact is sent when it has been replied to: an SMS, and an e-mail when they gave one. */
    private static List<Notice> told(BoardMessage m, String reply) {
        String subject = "留言已回复：" + m.subject();
        List<Notice> notices = new ArrayList<>();
        if (m.email() != null) {
            notices.add(new Notice(m.enterpriseId(), null, Channel.EMAIL, m.email(), subject,
                    m.contactName() + "，您好：您在出口信用单一窗口“调查问卷”留言板的留言“" + m.subject()
                            + "”已由保险公司回复：" + reply));
        }
        notices.add(new Notice(m.enterpriseId(), null, Channel.SMS, m.mobile(), subject,
                "您的留言“" + m.subject() + "”已回复，请登录出口信用单一窗口“调查问卷”查看。"));
        return notices;
    }

    /** What the empty form starts with for an enterprise's person: the enterprise's name and district, their contact. */
    @Override
    public NewMessage draft(Principal who) {
        Submitter s = submissions.submitter(who);
        return new NewMessage(s.company(), s.province(), s.city(), s.district(), s.name(), s.mobile(), s.email(), "",
                "");
    }

    private static BoardMessage message(Row r) throws SQLException {
        return new BoardMessage(r.longValue("id"), r.longValue("enterprise_id"), r.string("company_name"),
                new Place(r.string("province_code"), r.string("province_name")),
                new Place(r.string("city_code"), r.string("city_name")),
                Place.of(r.string("district_code"), r.string("district_name")), r.string("contact_name"),
                r.string("mobile"), r.string("email"), r.string("subject"), r.string("content"),
                r.enumValue("state", MessageState.class), r.instant("submitted_at"), r.string("submitted_by_name"),
                r.string("reply"), r.string("replied_by_name"), r.instant("replied_at"));
    }
}
