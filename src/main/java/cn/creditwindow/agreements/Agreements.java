package cn.creditwindow.agreements;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service agreement's life (manual 2.1): the legal representative signs it with a valid company seal
 * (保险公司签约中), an insurer reviewer countersigns (签约成功) or refuses it (签约失败); on a signed agreement
 * the legal representative asks to terminate (解约中) and the reviewer approves (解约成功) or refuses
 * (解约失败: it stays signed). Every change is one transaction that also writes the history; an enterprise
 * has at most one live agreement, which the database guards too ({@code ux_agreements_live}).
 */
public final class Agreements {
    static final int MAX_REASON = 500;

    private final Database db;
    private final Seals seals;
    private final Clock clock;
    private final Map<String, AgreementText> texts = new ConcurrentHashMap<>();

    public Agreements(Database db, Seals seals, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.seals = Objects.requireNonNull(seals, "seals");
        this.clock = Objects.requireNonNull(clock, "clock");
        text(AgreementText.CURRENT, "zh");
        text(AgreementText.CURRENT, "en");
    }

    /** Whether an enterprise may enrol or claim: a signed agreement, a data authorisation. */
    public record Readiness(boolean signed, boolean authorised) {
    }

    /**
     * Whether the enterprise has a SIGNED agreement (a termination request or a signature still awaiting the
     * insurer does not count) and has authorised its data; for other domains inside their own transaction.
     */
    public static Readiness readiness(Tx tx, long enterpriseId) {
        boolean signed = tx.number("SELECT COUNT(*) FROM agreements WHERE enterprise_id = ? AND state = ?",
                enterpriseId, AgreementState.SIGNED) > 0;
        boolean authorised = tx.number("SELECT COUNT(*) FROM data_authorisations WHERE enterprise_id = ?",
                enterpriseId) > 0;
        return new Readiness(signed, authorised);
    }

    /** A version of the agreement text in {@code zh} or {@code en} (read once, then kept). */
    public AgreementText text(String version, String language) {
        return texts.computeIfAbsent(version + "." + language, k -> AgreementText.load(version, language));
    }

    /** The signature as asked for: the seal chosen and the tick "我确认协议条款". */
    public record SignRequest(Long sealId, Boolean accepted) {
    }

    /** The answer to a refusal or a refused termination: why. */
    public record Reason(String reason) {
    }

    /** A termination request: {@code confirm} must be true (the "坚持解约" step), the reason is optional. */
    public record TerminationRequest(Boolean confirm, String reason) {
    }

    /**
     * Signs the current text for the legal representative's enterprise with one of its company seals valid
     * today. Not allowed for anyone else; a conflict "已签署过协议" while a live agreement exists (whatever the form says);
     * then invalid input without the tick or with an unusable seal, both named at once.
     */
    public Agreement sign(Principal p, Input<SignRequest> request) {
        Seals.requireLegalRepresentative(p, "sign the service agreement", "签署服务协议");
        long enterpriseId = p.enterpriseId();
        try {
            return db.inTransaction(tx -> {
                tx.lock("enterprises", enterpriseId); // the enterprise owns its one live agreement
                live(tx, enterpriseId).ifPresent(a -> {
                    throw alreadySigned(a);
                });
                Seal seal = request.check((r, errors) -> signature(tx, enterpriseId, r, errors));
                long id = tx.insert("INSERT INTO agreements (enterprise_id, text_version, state, seal_id, signed_by,"
                        + " signed_at) VALUES (?, ?, ?, ?, ?, ?)", enterpriseId, AgreementText.CURRENT,
                        AgreementState.AWAITING_INSURER, seal.id(), p.userId(), clock.instant());
                event(tx, id, p, AgreementAction.SIGNED, null, AgreementState.AWAITING_INSURER, null);
                return load(tx, id).orElseThrow();
            });
        } catch (ConstraintViolationException e) {
            if (e.names("ux_agreements_live") || e.names("agreements.enterprise_id")) {
                throw db.read(tx -> live(tx, enterpriseId)).map(Agreements::alreadySigned)
                        .orElseGet(() -> alreadySigned(null));
            }
            throw e;
        }
    }

    /** The seal a signature uses, or null after adding an error per bad field (the seal, the tick) to {@code errors}. */
    private Seal signature(Tx tx, long enterpriseId, SignRequest r, List<FieldError> errors) {
        Seal seal = null;
        if (r.sealId() == null) {
            errors.add(new FieldError("sealId", "请选择签署协议使用的公司印章", "choose the company seal to sign with"));
        } else {
            seal = Seals.find(tx, r.sealId()).filter(s -> s.enterpriseId() == enterpriseId).orElse(null);
            if (seal == null) {
                errors.add(new FieldError("sealId", "本企业没有编号为 " + r.sealId() + " 的印章",
                        "your enterprise has no seal " + r.sealId()));
            } else {
                sealProblem(seal, seals.today()).ifPresent(errors::add);
            }
        }
        if (!Boolean.TRUE.equals(r.accepted())) {
            errors.add(new FieldError("accepted", "请阅读协议并勾选“我确认协议条款”",
                    "read the agreement and tick \"I confirm the terms of the agreement\""));
        }
        return seal;
    }

    /** The insurer applies its seal: 保险公司签约中 → 签约成功. */
    public Agreement countersign(Principal reviewer, long id) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            lock(tx, id);
            Agreement a = visible(tx, reviewer, id);
            expect(a, AgreementState.AWAITING_INSURER, "countersigned", "签章");
            int n = tx.update("UPDATE agreements SET state = ?, countersigned_by = ?, countersigned_at = ?"
                    + " WHERE id = ? AND state = ?", AgreementState.SIGNED, reviewer.userId(), clock.instant(), id,
                    AgreementState.AWAITING_INSURER);
            changed(n, a);
            event(tx, id, reviewer, AgreementAction.COUNTERSIGNED, a.state(), AgreementState.SIGNED, null);
            return load(tx, id).orElseThrow();
        });
    }

    /**
     * The insurer refuses to sign, with a reason: 保险公司签约中 → 签约失败 (the enterprise may sign again). Not found, a
     * conflict in any other state, then invalid input without a reason.
     */
    public Agreement refuse(Principal reviewer, long id, Input<Reason> r) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            lock(tx, id);
            Agreement a = visible(tx, reviewer, id);
            expect(a, AgreementState.AWAITING_INSURER, "refused", "拒绝签约");
            String reason = r.check((x, errors) -> reason(x.reason(), true, errors));
            return move(tx, reviewer, a, AgreementState.REFUSED, AgreementAction.REFUSED, reason, true);
        });
    }

    /**
     * The legal representative insists on terminating ("坚持解约"): 签约成功 → 解约中. Not found, a conflict unless signed, then
     * invalid input without the confirmation or with a reason too long.
     */
    public Agreement requestTermination(Principal p, long id, Input<TerminationRequest> request) {
        Seals.requireLegalRepresentative(p, "terminate the service agreement", "申请解约");
        return db.inTransaction(tx -> {
            lock(tx, id);
            Agreement a = visible(tx, p, id);
            expect(a, AgreementState.SIGNED, "terminated", "解约");
            String why = request.check((r, errors) -> {
                if (!Boolean.TRUE.equals(r.confirm())) {
                    errors.add(new FieldError("confirm", "请确认是否坚持解约（confirm 须为 true）",
                            "confirm that you insist on terminating (confirm must be true)"));
                }
                return reason(r.reason(), false, errors);
            });
            return move(tx, p, a, AgreementState.TERMINATION_REQUESTED, AgreementAction.TERMINATION_REQUESTED, why, false);
        });
    }

    /** The insurer agrees (解约成功): the agreement ends and the enterprise may sign anew. */
    public Agreement approveTermination(Principal reviewer, long id) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            lock(tx, id);
            Agreement a = visible(tx, reviewer, id);
            expect(a, AgreementState.TERMINATION_REQUESTED, "approved for termination", "确认解约");
            return move(tx, reviewer, a, AgreementState.TERMINATED, AgreementAction.TERMINATION_APPROVED, null, true);
        });
    }

    /**
     * The insurer refuses to terminate (解约失败), with a reason: the agreement stays signed. Not found, a conflict unless
     * a termination was asked for, then invalid input without a reason.
     */
    public Agreement rejectTermination(Principal reviewer, long id, Input<Reason> r) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            lock(tx, id);
            Agreement a = visible(tx, reviewer, id);
            expect(a, AgreementState.TERMINATION_REQUESTED, "refused termination", "拒绝解约");
            String reason = r.check((x, errors) -> reason(x.reason(), true, errors));
            return move(tx, reviewer, a, AgreementState.SIGNED, AgreementAction.TERMINATION_REJECTED, reason, false);
        });
    }

    /** One agreement, if the principal may see it (else not found, as if it did not exist). */
    public Agreement find(Principal p, long id) {
        return db.read(tx -> visible(tx, p, id));
    }

    /** An agreement's history, oldest first (not found as {@link #find}). */
    public List<AgreementEvent> history(Principal p, long id) {
        return db.read(tx -> {
            visible(tx, p, id);
            return events(tx, id);
        });
    }

    /**
     * One page of the agreements the principal may see, newest first: an enterprise's own, a manager's portfolio, all
     * for reviewers; narrowed by state and enterprise when given (an enterprise the principal may not see is not
     * found).
     */
    public Paged<Agreement> list(Principal p, AgreementState state, Long enterpriseId, PageRequest page) {
        return db.read(tx -> {
            Tenancy.Filter f = Tenancy.filter(p, "a.enterprise_id");
            StringBuilder sql = new StringBuilder("SELECT " + Agreement.COLUMNS + " FROM agreements a" + Agreement.JOINS
                    + " WHERE " + f.sql());
            List<Object> args = new ArrayList<>(List.of(f.args()));
            if (state != null) {
                sql.append(" AND a.state = ?");
                args.add(state);
            }
            if (enterpriseId != null) {
                if (!Tenancy.canSee(tx, p, enterpriseId)) {
                    throw new NotFoundException("enterprise " + enterpriseId + " not found", "企业 " + enterpriseId + " 不存在");
                }
                sql.append(" AND a.enterprise_id = ?");
                args.add(enterpriseId);
            }
            return page.select(tx, sql.toString(), "a.id DESC", Agreement::of, args.toArray());
        });
    }

    /** The enterprise's live agreement (awaiting the insurer, signed, or asking to terminate), if any. */
    public Optional<Agreement> live(long enterpriseId) {
        return db.read(tx -> live(tx, enterpriseId));
    }

    /** {@link #readiness(Tx, long)} in its own read. */
    public Readiness readiness(long enterpriseId) {
        return db.read(tx -> readiness(tx, enterpriseId));
    }

    /**
     * Locks an agreement's enterprise, then the agreement (store package: concurrency): the enterprise owns its one
     * live agreement and the data authorisation that needs it signed, so a change of state waits for, and is waited
     * for by, the enterprise's other flows.
     */
    private static void lock(Tx tx, long id) {
        tx.one("SELECT enterprise_id FROM agreements WHERE id = ?", r -> r.longValue("enterprise_id"), id)
                .ifPresent(enterpriseId -> tx.lock("enterprises", enterpriseId));
        tx.lock("agreements", id);
    }

    static Optional<Agreement> live(Tx tx, long enterpriseId) {
        return tx.one("SELECT " + Agreement.COLUMNS + " FROM agreements a" + Agreement.JOINS
                + " WHERE a.enterprise_id = ? AND a.state IN (?, ?, ?)", Agreement::of, enterpriseId,
                AgreementState.AWAITING_INSURER, AgreementState.SIGNED, AgreementState.TERMINATION_REQUESTED);
    }

    static Optional<Agreement> load(Tx tx, long id) {
        return tx.one("SELECT " + Agreement.COLUMNS + " FROM agreements a" + Agreement.JOINS + " WHERE a.id = ?",
                Agreement::of, id);
    }

    /**
     * Every step of an agreement, oldest first: its own events, and the enterprise's data authorisation given under
     * it (kept in its own table, shown here as {@link AgreementAction#DATA_AUTHORISED} while the agreement was
     * signed).
     */
    static List<AgreementEvent> events(Tx tx, long agreementId) {
        List<AgreementEvent> events = new ArrayList<>(tx.list("SELECT ev.*, u.display_name AS actor_name,"
                + " u.role AS actor_role FROM agreement_events ev JOIN users u ON u.id = ev.actor_id"
                + " WHERE ev.agreement_id = ? ORDER BY ev.at, ev.id", AgreementEvent::of, agreementId));
        tx.one("SELECT 0 AS id, d.agreement_id, d.authorised_at AS at, d.authorised_by AS actor_id,"
                + " u.display_name AS actor_name, u.role AS actor_role, 'DATA_AUTHORISED' AS action,"
                + " 'SIGNED' AS from_state, 'SIGNED' AS to_state, NULL AS reason FROM data_authorisations d"
                + " JOIN users u ON u.id = d.authorised_by WHERE d.agreement_id = ?", AgreementEvent::of, agreementId)
                .ifPresent(authorised -> {
                    // after every step up to its time (a step at the same instant came first: it was signed before)
                    int at = 0;
                    while (at < events.size() && !events.get(at).at().isAfter(authorised.at())) {
                        at++;
                    }
                    events.add(at, authorised);
                });
        return events;
    }

    /** Why the seal may not sign today (a company seal inside its validity period may), if it may not. */
    static Optional<FieldError> sealProblem(Seal seal, LocalDate today) {
        if (!seal.kind().signsAgreements()) {
            return Optional.of(new FieldError("sealId", "印章 " + seal.id() + " 的类型为“" + seal.kind().zh()
                    + "”：签署服务协议只能选择类型为“公司”的印章",
                    "seal " + seal.id() + " is a " + seal.kind().en() + " seal: only a company seal signs the agreement"));
        }
        if (today.isAfter(seal.validUntil())) {
            return Optional.of(new FieldError("sealId", "印章 " + seal.id() + " 已于 " + seal.validUntil()
                    + " 过期，不能用于签署协议，请重新制作印章",
                    "seal " + seal.id() + " expired on " + seal.validUntil() + " and cannot sign: make a new seal"));
        }
        if (today.isBefore(seal.validFrom())) {
            return Optional.of(new FieldError("sealId", "印章 " + seal.id() + " 自 " + seal.validFrom()
                    + " 起才生效，目前不能用于签署协议",
                    "seal " + seal.id() + " is valid only from " + seal.validFrom() + " and cannot sign yet"));
        }
        return Optional.empty();
    }

    private static ConflictException alreadySigned(Agreement a) {
        if (a == null) {
            return new ConflictException("the enterprise has already signed the service agreement",
                    "已签署过协议，请勿重复签署");
        }
        return new ConflictException("the enterprise has already signed the service agreement (agreement "
                + a.id() + ", " + a.state().en() + "): view it at /agreements/" + a.id() + " or GET /api/agreements/" + a.id(),
                "已签署过协议（协议编号 " + a.id() + "，" + a.state().zh() + "），请在“签约管理”中点击“协议查看”：/agreements/" + a.id());
    }

    private Agreement move(Tx tx, Principal p, Agreement a, AgreementState to, AgreementAction action, String reason,
                           boolean ends) {
        int n = ends
                ? tx.update("UPDATE agreements SET state = ?, ended_at = ? WHERE id = ? AND state = ?", to,
                        clock.instant(), a.id(), a.state())
                : tx.update("UPDATE agreements SET state = ? WHERE id = ? AND state = ?", to, a.id(), a.state());
        changed(n, a);
        event(tx, a.id(), p, action, a.state(), to, reason);
        return load(tx, a.id()).orElseThrow();
    }

    private void event(Tx tx, long agreementId, Principal p, AgreementAction action, AgreementState from,
                       AgreementState to, String reason) {
        tx.insert("INSERT INTO agreement_events (agreement_id, at, actor_id, action, from_state, to_state, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", agreementId, clock.instant(), p.userId(), action, from, to, reason);
    }

    private static Agreement visible(Tx tx, Principal p, long id) {
        return load(tx, id).filter(a -> Tenancy.canSee(tx, p, a.enterpriseId()))
                .orElseThrow(() -> new NotFoundException("agreement " + id + " not found", "协议 " + id + " 不存在"));
    }

    private static void expect(Agreement a, AgreementState state, String verb, String verbZh) {
        if (a.state() != state) {
            throw new ConflictException("agreement " + a.id() + " is " + a.state().en() + ": only an agreement "
                    + state.en() + " can be " + verb,
                    "协议 " + a.id() + " 当前状态为“" + a.state().zh() + "”，只有“" + state.zh() + "”的协议才能" + verbZh);
        }
    }

    private static void changed(int rows, Agreement a) {
        if (rows != 1) {
            throw new ConflictException("agreement " + a.id() + " was changed meanwhile: reload and try again",
                    "协议 " + a.id() + " 刚被他人处理，请刷新后重试");
        }
    }

    private static void requireReviewer(Principal p) {
        if (!p.is(Role.REVIEWER)) {
            throw new NotAllowedException("only the insurer's reviewers may do this", "只有保险公司审核人员才能进行此操作");
        }
    }

    /**
     * A reason: stripped, at most {@value #MAX_REASON} characters; required for refusals. Null when none is given,
     * or after adding an error to {@code errors}.
     */
    static String reason(String raw, boolean required, List<FieldError> errors) {
        String r = raw == null ? "" : raw.strip();
        if (r.isEmpty()) {
            if (required) {
                errors.add(new FieldError("reason", "请填写原因", "enter the reason"));
            }
            return null;
        }
        if (r.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "原因不能超过 " + MAX_REASON + " 个字",
                    "the reason must be at most " + MAX_REASON + " characters"));
            return null;
        }
        return r;
    }
}
