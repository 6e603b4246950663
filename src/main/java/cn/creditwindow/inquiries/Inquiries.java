package cn.creditwindow.inquiries;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Insurance inquiries (投保咨询): an enterprise's people submit them, everyone who may see the enterprise reads them
 * ({@link Tenancy}; others' answer not found), and the insurer's staff answer each once. Nothing changes a submitted
 * inquiry but the answer.
 */
public final class Inquiries {
    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;
    static final int MAX_CONTACT = 50;
    static final int MAX_OTHER = 500;
    static final int MAX_ANSWER = 2000;
    private static final int MAX_DAILY = 9999;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String SELECT = "SELECT i.*, s.display_name AS submitted_by_name, a.display_name AS answered_by_name"
            + " FROM inquiries i JOIN users s ON s.id = i.submitted_by LEFT JOIN users a ON a.id = i.answered_by";

    private final Database db;
    private final Regions regions;
    private final Notifier notifier;
    private final Clock clock;
    private final ZoneId zone;

    public Inquiries(Database db, Regions regions, Notifier notifier, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * What the form sends. {@code province}, {@code city} and {@code district} are division codes; {@code inquiryType}
     * is {@code INSURE} (the default when blank), {@code BUYER_RESOURCES} or {@code OTHER} (which needs
     * {@code otherNeeds}).
     */
    public record NewInquiry(String companyName, String province, String city, String district, String address,
                             String contactName, String mobile, String email, String inquiryType, String otherNeeds) {
    }

    /** Submits an inquiry for the principal's enterprise; every bad field is reported at once and nothing is saved. */
    public Inquiry submit(Principal who, NewInquiry in) {
        if (!who.role().isEnterpriseUser()) {
            throw new NotAllowedException("only an enterprise's people submit inquiries", "仅企业用户可以提交投保咨询");
        }
        List<FieldError> errors = new ArrayList<>();
        String company = text("companyName", in.companyName(), MAX_NAME, "公司名称", "the company name", errors);
        Regions.Chain chain = regions.chain("", in.province(), in.city(), in.district(), errors).orElse(null);
        String address = text("address", in.address(), MAX_ADDRESS, "详细地址", "the detailed address", errors);
        String contact = text("contactName", in.contactName(), MAX_CONTACT, "联系人", "the contact's name", errors);
        Contacts.checkMobile("mobile", in.mobile()).ifPresent(errors::add);
        Contacts.checkEmail("email", in.email()).ifPresent(errors::add);
        InquiryType type = type(in.inquiryType(), errors);
        String other = blankToNull(in.otherNeeds());
        if (other != null && other.length() > MAX_OTHER) {
            errors.add(new FieldError("otherNeeds", "其他需求不能超过 " + MAX_OTHER + " 字",
                    "other needs must be at most " + MAX_OTHER + " characters"));
        } else if (type == InquiryType.OTHER && other == null) {
            errors.add(new FieldError("otherNeeds", "选择“我有其他需求”时请填写其他需求",
                    "describe your other needs when the inquiry type is 'I have other needs'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String mobile = Contacts.normaliseMobile(in.mobile());
        String email = in.email().strip();
        return db.inTransaction(tx -> {
            String day = LocalDate.ofInstant(clock.instant(), zone).format(DAY);
            long seq = tx.number("SELECT COALESCE(MAX(serial_seq), 0) FROM inquiries WHERE serial_day = ?", day) + 1;
            if (seq > MAX_DAILY) {
                throw new ConflictException("no more inquiries today (" + MAX_DAILY + " a day); try tomorrow",
                        "今日咨询已达上限（每日 " + MAX_DAILY + " 条），请明日再试");
            }
            String serial = "ZX" + day + String.format(Locale.ROOT, "%04d", seq);
            long id = tx.insert("INSERT INTO inquiries (serial, serial_day, serial_seq, enterprise_id, submitted_by,"
                            + " company_name, province_code, province_name, city_code, city_name, district_code,"
                            + " district_name, address, contact_name, mobile, email, inquiry_type, other_needs, state,"
                            + " submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    serial, day, seq, who.enterpriseId(), who.userId(), company, chain.province().code(),
                    chain.province().name(), chain.city().code(), chain.city().name(),
                    chain.district() == null ? null : chain.district().code(),
                    chain.district() == null ? null : chain.district().name(), address, contact, mobile, email, type,
                    other, InquiryState.SUBMITTED, clock.instant());
            return one(tx, id);
        });
    }

    /**
     * One page of the inquiries the principal may see, newest first: an enterprise's own, a manager's portfolio's,
     * all for reviewers and administrators; {@code state} null for every state.
     */
    public Paged<Inquiry> list(Principal who, InquiryState state, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(who, "i.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        String where = " WHERE " + f.sql();
        if (state != null) {
            where += " AND i.state = ?";
            args.add(state);
        }
        String sql = SELECT + where;
        return db.read(tx -> page.select(tx, sql, "i.id DESC", Inquiries::inquiry, args.toArray()));
    }

    /** One inquiry, or not found when it does not exist or the principal may not see its enterprise. */
    public Inquiry inquiry(Principal who, long id) {
        return db.read(tx -> visible(tx, who, id));
    }

    /**
     * The insurer's staff answer a submitted inquiry (已提交 → 已答复); the inquiry's contact is told by e-mail and SMS.
     * An inquiry answered already is a a conflict (whatever the body says: the answer stands as given); then invalid
     * input for an answer missing or too long.
     */
    public Inquiry answer(Principal who, long id, Input<String> answer) {
        if (!(who.is(Role.REVIEWER) || who.is(Role.ADMIN) || who.is(Role.ACCOUNT_MANAGER))) {
            throw new NotAllowedException("only the insurer's staff answer inquiries", "仅保险公司人员可以答复咨询");
        }
        return db.inTransaction(tx -> {
            Inquiry before = visible(tx, who, id);
            if (before.state() != InquiryState.SUBMITTED) {
                throw answered(before);
            }
            String text = answer.check((a, errors) -> {
                String t = blankToNull(a);
                if (t == null || t.length() > MAX_ANSWER) {
                    errors.add(new FieldError("answer", "请填写答复内容（不超过 " + MAX_ANSWER + " 字）",
                            "write the answer (at most " + MAX_ANSWER + " characters)"));
                }
                return t;
            });
            int n = tx.update("UPDATE inquiries SET state = ?, answer = ?, answered_by = ?, answered_at = ? WHERE id = ?"
                    + " AND state = ?", InquiryState.ANSWERED, text, who.userId(), clock.instant(), id,
                    InquiryState.SUBMITTED);
            if (n == 0) {
                throw answered(before);
            }
            Inquiry after = one(tx, id);
            String subject = "投保咨询已答复 " + after.serial();
            String body = after.contactName() + "，您好：您提交的投保咨询（流水号 " + after.serial() + "）已由保险公司答复："
                    + text + "\n请登录出口信用单一窗口“投保服务—投保咨询”查看。";
            notifier.send(tx, new Notice(after.enterpriseId(), null, Channel.EMAIL, after.email(), subject, body));
            notifier.send(tx, new Notice(after.enterpriseId(), null, Channel.SMS, after.mobile(), subject,
                    "您的投保咨询 " + after.serial() + " 已答复，请登录出口信用单一窗口查看。"));
            return after;
        });
    }

    private static ConflictException answered(Inquiry i) {
        return new ConflictException("inquiry " + i.serial() + " has been answered already",
                "咨询 " + i.serial() + " 已答复，不能重复答复");
    }

    /** What the empty form starts with for an enterprise's person: the enterprise's name and district, their contact. */
    public NewInquiry draft(Principal who) {
        if (!who.role().isEnterpriseUser()) {
            return new NewInquiry("", "", "", "", "", "", "", "", InquiryType.INSURE.name(), "");
        }
        return db.read(tx -> {
            record Me(String company, String division, String name, String mobile, String email) {
            }
            Me me = tx.one("SELECT e.name_zh, e.division_code, u.display_name, u.mobile, u.email FROM users u"
                            + " JOIN enterprises e ON e.id = u.enterprise_id WHERE u.id = ?",
                    r -> new Me(r.string("name_zh"), r.string("division_code"), r.string("display_name"),
                            r.string("mobile"), r.string("email")), who.userId())
                    .orElseThrow(() -> new NotFoundException("user " + who.userId() + " not found", "用户不存在"));
            List<String> chain = regions.lineage(me.division());
            return new NewInquiry(me.company(), chain.get(0), chain.get(1), chain.get(2), "", me.name(),
                    me.mobile() == null ? "" : me.mobile(), me.email() == null ? "" : me.email(),
                    InquiryType.INSURE.name(), "");
        });
    }

    private static Inquiry visible(Tx tx, Principal who, long id) {
        Inquiry i = tx.one(SELECT + " WHERE i.id = ?", Inquiries::inquiry, id).orElse(null);
        if (i == null || !Tenancy.canSee(tx, who, i.enterpriseId())) {
            throw new NotFoundException("inquiry " + id + " not found", "投保咨询 " + id + " 不存在");
        }
        return i;
    }

    private static Inquiry one(Tx tx, long id) {
        return tx.one(SELECT + " WHERE i.id = ?", Inquiries::inquiry, id).orElseThrow();
    }

    private static Inquiry inquiry(Row r) throws SQLException {
        return new Inquiry(r.longValue("id"), r.string("serial"), r.longValue("enterprise_id"), r.string("company_name"),
                new Place(r.string("province_code"), r.string("province_name")),
                new Place(r.string("city_code"), r.string("city_name")),
                Place.of(r.string("district_code"), r.string("district_name")), r.string("address"),
                r.string("contact_name"), r.string("mobile"), r.string("email"),
                r.enumValue("inquiry_type", InquiryType.class), r.string("other_needs"),
                r.enumValue("state", InquiryState.class), r.instant("submitted_at"), r.string("submitted_by_name"),
                r.string("answer"), r.string("answered_by_name"), r.instant("answered_at"));
    }

    /** The inquiry type as sent; blank means the default 我要投保. */
    static InquiryType type(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return InquiryType.INSURE;
        }
        try {
            return InquiryType.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("inquiryType", "询保内容应为 INSURE（我要投保）、BUYER_RESOURCES（我要买方资源）或 OTHER（我有其他需求）",
                    "the inquiry type must be INSURE, BUYER_RESOURCES or OTHER"));
            return null;
        }
    }

    /** A required text field, stripped; adds an error when it is blank or too long. */
    static String text(String field, String value, int max, String zh, String en, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            errors.add(new FieldError(field, "请填写" + zh, en + " is required"));
        } else if (v.length() > max) {
            errors.add(new FieldError(field, zh + "不能超过 " + max + " 字", en + " must be at most " + max + " characters"));
        }
        return v;
    }
}
