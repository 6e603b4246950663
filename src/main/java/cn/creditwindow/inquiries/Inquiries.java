package cn.creditwindow.inquiries;

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
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
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
 * ({@link Tenancy}; others' answer not found), and the insurer's staff answer each once ({@link Submissions}). Nothing
 * changes a submitted inquiry but the answer.
 */
public final class Inquiries implements Desk<Inquiry, InquiryState, Inquiries.NewInquiry> {
    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;
    static final int MAX_CONTACT = 50;
    static final int MAX_OTHER = 500;
    static final int MAX_ANSWER = Submissions.MAX_ANSWER;
    private static final int MAX_DAILY = 9999;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Kind<Inquiry, InquiryState> KIND = new Kind<>("inquiries", "answer", "answered_by",
            "answered_at", InquiryState.SUBMITTED, InquiryState.ANSWERED, Inquiries::inquiry,
            new Words<>("inquiry", "投保咨询", "only the insurer's staff answer inquiries", "仅保险公司人员可以答复咨询",
                    "write the answer (at most " + MAX_ANSWER + " characters)",
                    "请填写答复内容（不超过 " + MAX_ANSWER + " 字）",
                    i -> "inquiry " + i.serial() + " has been answered already",
                    i -> "咨询 " + i.serial() + " 已答复，不能重复答复"), Inquiries::told);

    private final Database db;
    private final Regions regions;
    private final Clock clock;
    private final ZoneId zone;
    private final Submissions<Inquiry, InquiryState> submissions;

    public Inquiries(Database db, Regions regions, Notifier notifier, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.submissions = new Submissions<>(db, regions, notifier, clock, KIND);
    }

    /**
     * What the form sends. {@code province}, {@code city} and {@code district} are division codes; {@code inquiryType}
     * is {@code INSURE} (the default when blank), {@code BUYER_RESOURCES} or {@code OTHER} (which needs
     * {@code otherNeeds}).
     */
    public record NewInquiry(String companyName, String province, String city, String district, String address,
                             String contactName, String mobile, String email, String inquiryType, String otherNeeds)
            implements Form {
        /** The inquiry type the form shows ticked: the one sent, else 我要投保. */
        public String typeShown() {
            return inquiryType == null || inquiryType.isBlank() ? InquiryType.INSURE.name() : inquiryType;
        }
    }

    @Override
    public Class<NewInquiry> form() {
        return NewInquiry.class;
    }

    /**
     * The inquiries the principal may see, newest first (an enterprise's own, a manager's portfolio's, all for
     * reviewers and administrators), and the staff's answer (已提交 → 已答复), of which the inquiry's contact is told by
     * e-mail and SMS.
     */
    @Override
    public Submissions<Inquiry, InquiryState> submissions() {
        return submissions;
    }

    /** Submits an inquiry for the principal's enterprise; every bad field is reported at once and nothing is saved. */
    @Override
    public Inquiry submit(Principal who, NewInquiry in) {
        if (!who.role().isEnterpriseUser()) {
            throw new NotAllowedException("only an enterprise's people submit inquiries", "仅企业用户可以提交投保咨询");
        }
        List<FieldError> errors = new ArrayList<>();
        String company = required("companyName", in.companyName(), MAX_NAME, "公司名称", "the company name", errors);
        Regions.Chain chain = regions.chain("", in.province(), in.city(), in.district(), errors).orElse(null);
        String address = required("address", in.address(), MAX_ADDRESS, "详细地址", "the detailed address", errors);
        String contact = required("contactName", in.contactName(), MAX_CONTACT, "联系人", "the contact's name", errors);
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
            long seq = tx.nextValue("inquiry_serial:" + day); // #17: not MAX()+1, which two writers can share
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
            return submissions.read(tx, id);
        });
    }

    /** What the inquiry's contact is sent when it has been answered. */
    private static List<Notice> told(Inquiry i, String answer) {
        String subject = "投保咨询已答复 " + i.serial();
        String body = i.contactName() + "，您好：您提交的投保咨询（流水号 " + i.serial() + "）已由保险公司答复："
                + answer + "\n请登录出口信用单一窗口“投保服务—投保咨询”查看。";
        return List.of(new Notice(i.enterpriseId(), null, Channel.EMAIL, i.email(), subject, body),
                new Notice(i.enterpriseId(), null, Channel.SMS, i.mobile(), subject,
                        "您的投保咨询 " + i.serial() + " 已答复，请登录出口信用单一窗口查看。"));
    }

    /** What the empty form starts with for an enterprise's person: the enterprise's name and district, their contact. */
    @Override
    public NewInquiry draft(Principal who) {
        Submitter s = submissions.submitter(who);
        return new NewInquiry(s.company(), s.province(), s.city(), s.district(), "", s.name(), s.mobile(), s.email(),
                InquiryType.INSURE.name(), "");
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
}
