package cn.creditwindow.messageboard;

import static cn.creditwindow.validation.Text.blankToNull;

import cn.creditwindow.accounts.Contacts;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Place;
import cn.creditwindow.reference.Regions;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The message board: an enterprise's people leave messages, everyone who may see the enterprise reads them
 * ({@link Tenancy}; others' answer not found), and the insurer's staff reply to each once.
 */
public final class BoardMessages {
    static final int MAX_NAME = 100;
    static final int MAX_CONTACT = 50;
    static final int MAX_SUBJECT = 100;
    static final int MAX_CONTENT = 2000;
    static final int MAX_REPLY = 2000;
    private static final String SELECT = "SELECT m.*, s.display_name AS submitted_by_name, r.display_name AS replied_by_name"
            + " FROM board_messages m JOIN users s ON s.id = m.submitted_by LEFT JOIN users r ON r.id = m.replied_by";

    private final Database db;
    private final Regions regions;
    private final Notifier notifier;
    private final Clock clock;

    public BoardMessages(Database db, Regions regions, Notifier notifier, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the form sends; {@code province}, {@code city} and {@code district} are division codes. */
    public record NewMessage(String companyName, String province, String city, String district, String contactName,
                             String mobile, String email, String subject, String content) {
    }

    /** Leaves a message for the principal's enterprise; every bad field is reported at once and nothing is saved. */
    public BoardMessage submit(Principal who, NewMessage in) {
        if (!who.role().isEnterpriseUser()) {
            throw new NotAllowedException("only an enterprise's people leave messages", "仅企业用户可以留言");
        }
        List<FieldError> errors = new ArrayList<>();
        String company = text("companyName", in.companyName(), MAX_NAME, "企业名称", "the company name", errors);
        Regions.Chain chain = regions.chain("", in.province(), in.city(), in.district(), errors).orElse(null);
        String contact = text("contactName", in.contactName(), MAX_CONTACT, "联系人", "the contact's name", errors);
        Contacts.checkMobile("mobile", in.mobile()).ifPresent(errors::add);
        String email = blankToNull(in.email());
        if (email != null) {
            Contacts.checkEmail("email", email).ifPresent(errors::add);
        }
        String subject = text("subject", in.subject(), MAX_SUBJECT, "留言主题", "the subject", errors);
        String content = text("content", in.content(), MAX_CONTENT, "留言内容", "the message", errors);
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
            return one(tx, id);
        });
    }

    /** One page of the messages the principal may see, newest first; {@code state} null for every state. */
    public Paged<BoardMessage> list(Principal who, MessageState state, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(who, "m.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        String where = " WHERE " + f.sql();
        if (state != null) {
            where += " AND m.state = ?";
            args.add(state);
        }
        String sql = SELECT + where;
        return db.read(tx -> page.select(tx, sql, "m.id DESC", BoardMessages::message, args.toArray()));
    }

    /** One message, or not found when it does not exist or the principal may not see its enterprise. */
    public BoardMessage message(Principal who, long id) {
        return db.read(tx -> visible(tx, who, id));
    }

    /**
     * The insurer's staff reply (已提交 → 已回复); the message's contact is told by SMS, and by e-mail when one was
     * given. A message replied to already is a a conflict (whatever the body says); then invalid input for a reply
     * missing or too long.
     */
    public BoardMessage reply(Principal who, long id, Input<String> reply) {
        if (!(who.is(Role.REVIEWER) || who.is(Role.ADMIN) || who.is(Role.ACCOUNT_MANAGER))) {
            throw new NotAllowedException("only the insurer's staff reply to messages", "仅保险公司人员可以回复留言");
        }
        return db.inTransaction(tx -> {
            BoardMessage before = visible(tx, who, id);
            if (before.state() != MessageState.SUBMITTED) {
                throw replied(before);
            }
            String text = reply.check((r, errors) -> {
                String t = blankToNull(r);
                if (t == null || t.length() > MAX_REPLY) {
                    errors.add(new FieldError("reply", "请填写回复内容（不超过 " + MAX_REPLY + " 字）",
                            "write the reply (at most " + MAX_REPLY + " characters)"));
                }
                return t;
            });
            int n = tx.update("UPDATE board_messages SET state = ?, reply = ?, replied_by = ?, replied_at = ?"
                            + " WHERE id = ? AND state = ?", MessageState.REPLIED, text, who.userId(), clock.instant(), id,
                    MessageState.SUBMITTED);
            if (n == 0) {
                throw replied(before);
            }
            BoardMessage after = one(tx, id);
            String subject = "留言已回复：" + after.subject();
            if (after.email() != null) {
                notifier.send(tx, new Notice(after.enterpriseId(), null, Channel.EMAIL, after.email(), subject,
                        after.contactName() + "，您好：您在出口信用单一窗口“调查问卷”留言板的留言“" + after.subject()
                                + "”已由保险公司回复：" + text));
            }
            notifier.send(tx, new Notice(after.enterpriseId(), null, Channel.SMS, after.mobile(), subject,
                    "您的留言“" + after.subject() + "”已回复，请登录出口信用单一窗口“调查问卷”查看。"));
            return after;
        });
    }

    private static ConflictException replied(BoardMessage m) {
        return new ConflictException("message " + m.id() + " has been replied to already",
                "留言 " + m.id() + " 已回复，不能重复回复");
    }

    /** What the empty form starts with for an enterprise's person: the enterprise's name and district, their contact. */
    public NewMessage draft(Principal who) {
        if (!who.role().isEnterpriseUser()) {
            return new NewMessage("", "", "", "", "", "", "", "", "");
        }
        return db.read(tx -> tx.one("SELECT e.name_zh, e.division_code, u.display_name, u.mobile, u.email FROM users u"
                        + " JOIN enterprises e ON e.id = u.enterprise_id WHERE u.id = ?", r -> {
                    List<String> codes = regions.lineage(r.string("division_code"));
                    return new NewMessage(r.string("name_zh"), codes.get(0), codes.get(1), codes.get(2),
                            r.string("display_name"),
                            orEmpty(r.string("mobile")), orEmpty(r.string("email")), "", "");
                }, who.userId())
                .orElseThrow(() -> new NotFoundException("user " + who.userId() + " not found", "用户不存在")));
    }

    private static BoardMessage visible(Tx tx, Principal who, long id) {
        BoardMessage m = tx.one(SELECT + " WHERE m.id = ?", BoardMessages::message, id).orElse(null);
        if (m == null || !Tenancy.canSee(tx, who, m.enterpriseId())) {
            throw new NotFoundException("message " + id + " not found", "留言 " + id + " 不存在");
        }
        return m;
    }

    private static BoardMessage one(Tx tx, long id) {
        return tx.one(SELECT + " WHERE m.id = ?", BoardMessages::message, id).orElseThrow();
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

    private static String text(String field, String value, int max, String zh, String en, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            errors.add(new FieldError(field, "请填写" + zh, en + " is required"));
        } else if (v.length() > max) {
            errors.add(new FieldError(field, zh + "不能超过 " + max + " 字", en + " must be at most " + max + " characters"));
        }
        return v;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
