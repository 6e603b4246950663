package cn.creditwindow.agreements;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.ConflictException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The enterprise's data authorisation (企业数据授权, manual 2.2): given once, by the legal representative, after
 * the agreement is signed, by ticking "同意提供上述数据内容". It covers every {@link DataType} for the months from
 * {@value #MONTHS_BEFORE} months before the authorisation to {@value #MONTHS_AFTER} months after it. A second
 * one is refused with "请勿重复授权", which the database guards too ({@code ux_data_authorisations_enterprise}).
 */
public final class DataAuthorisations {
    /** How far back the authorised data reaches: the last three years' trade, which claims and underwriting look at. */
    public static final int MONTHS_BEFORE = 36;
    /** How far forward: three policy years. */
    public static final int MONTHS_AFTER = 36;

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;

    public DataAuthorisations(Database db, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The authorisation as asked for: {@code agree} is the tick "同意提供上述数据内容". */
    public record AuthoriseRequest(Boolean agree) {
    }

    /** The data types and months an authorisation given today would cover. */
    public record Scope(List<DataType> dataTypes, YearMonth from, YearMonth until) {
    }

    /** What an authorisation given now covers. */
    public Scope scope() {
        YearMonth now = YearMonth.now(clock.withZone(zone));
        return new Scope(List.of(DataType.values()), now.minusMonths(MONTHS_BEFORE), now.plusMonths(MONTHS_AFTER));
    }

    /**
     * Authorises for the legal representative's enterprise: not allowed for anyone else, a conflict "请勿重复授权" when it
     * has authorised already and a conflict when its agreement is not signed (whatever the form says), then invalid
     * input without the tick.
     */
    public DataAuthorisation authorise(Principal p, Input<AuthoriseRequest> request) {
        Seals.requireLegalRepresentative(p, "authorise the enterprise's data", "签署企业数据授权");
        long enterpriseId = p.enterpriseId();
        Scope scope = scope();
        try {
            return db.inTransaction(tx -> {
                // the enterprise owns its one authorisation and its agreement's state (store package: concurrency)
                tx.lock("enterprises", enterpriseId);
                if (find(tx, enterpriseId).isPresent()) {
                    throw already();
                }
                Agreement signed = Agreements.live(tx, enterpriseId).filter(a -> a.state() == AgreementState.SIGNED)
                        .orElseThrow(() -> new ConflictException("sign the service agreement first: data can be authorised only under a signed agreement (签约成功)",
                                "请先签署服务协议：协议签约成功后才能进行企业数据授权"));
                request.check((r, errors) -> {
                    if (!Boolean.TRUE.equals(r.agree())) {
                        errors.add(new FieldError("agree", "请勾选“同意提供上述数据内容”",
                                "tick \"I agree to provide the data above\""));
                    }
                    return r;
                });
                tx.insert("INSERT INTO data_authorisations (enterprise_id, agreement_id, data_types, period_from,"
                        + " period_until, authorised_by, authorised_at) VALUES (?, ?, ?, ?, ?, ?, ?)", enterpriseId,
                        signed.id(), scope.dataTypes().stream().map(Enum::name).collect(Collectors.joining(",")),
                        scope.from().toString(), scope.until().toString(), p.userId(), clock.instant());
                return find(tx, enterpriseId).orElseThrow();
            });
        } catch (ConstraintViolationException e) {
            if (e.names("ux_data_authorisations_enterprise") || e.names("data_authorisations.enterprise_id")) {
                throw already();
            }
            throw e;
        }
    }

    /** One page of the authorisations the principal may see (one per enterprise), newest first. */
    public Paged<DataAuthorisation> list(Principal p, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(p, "d.enterprise_id");
        return db.read(tx -> page.select(tx, SELECT + " WHERE " + f.sql(), "d.id DESC", DataAuthorisation::of,
                f.args()));
    }

    /** The enterprise's authorisation, if it has given one. */
    public Optional<DataAuthorisation> find(long enterpriseId) {
        return db.read(tx -> find(tx, enterpriseId));
    }

    private static final String SELECT = "SELECT d.*, e.name_zh AS enterprise_name, u.display_name AS authorised_by_name"
            + " FROM data_authorisations d JOIN enterprises e ON e.id = d.enterprise_id JOIN users u ON u.id = d.authorised_by";

    static Optional<DataAuthorisation> find(Tx tx, long enterpriseId) {
        return tx.one(SELECT + " WHERE d.enterprise_id = ?", DataAuthorisation::of, enterpriseId);
    }

    static ConflictException already() {
        return new ConflictException("Already authorised: do not authorise twice", "请勿重复授权");
    }

    /** The data types as a list, for pages. */
    public static List<DataType> dataTypes() {
        return Arrays.asList(DataType.values());
    }
}
