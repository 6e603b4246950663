package cn.creditwindow.agreements;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The agreement API: seals ({@code /api/seals}), agreements and their history, countersignature and
 * termination ({@code /api/agreements}), the data authorisation ({@code /api/data-authorisations}) and the
 * authorised data ({@code /api/authorised-data}). Routes carry the role guards; the domain checks the tenant
 * and, where only the legal representative may act, says so in a 403 of its own.
 */
public record AgreementHandlers(Seals seals, Agreements agreements, DataAuthorisations authorisations,
                                AuthorisedData data, AgreementPdf pdf, JsonBodies bodies) {
    /** {@code GET /api/seals?enterpriseId=&page=&size=}: one page of the seals, newest first; today's date. */
    public void seals(Context ctx) {
        Principal p = Caller.require(ctx);
        Long enterpriseId = enterpriseId(ctx);
        Map<String, Object> answer = seals.list(p, enterpriseId, Pager.request(ctx)).fields();
        answer.put("today", seals.today());
        ctx.json(answer);
    }

    /** {@code POST /api/seals}. */
    public void createSeal(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.status(201).json(seals.create(p, bodies.read(ctx, Seals.NewSeal.class)));
    }

    /** {@code GET /api/agreements/text}: the current agreement text in both languages. */
    public void text(Context ctx) {
        ctx.json(Map.of("version", AgreementText.CURRENT, "zh", agreements.text(AgreementText.CURRENT, "zh"),
                "en", agreements.text(AgreementText.CURRENT, "en")));
    }

    /** {@code GET /api/agreements?state=&enterpriseId=&page=&size=}: one page of the agreements, newest first. */
    public void list(Context ctx) {
        Principal p = Caller.require(ctx);
        AgreementState state = state(ctx);
        Long enterpriseId = enterpriseId(ctx);
        ctx.json(agreements.list(p, state, enterpriseId, Pager.request(ctx)));
    }

    /** {@code POST /api/agreements}: the legal representative signs. */
    public void sign(Context ctx) {
        Principal p = Caller.require(ctx);
        Agreement a = agreements.sign(p, bodies.input(ctx, Agreements.SignRequest.class));
        ctx.status(201).header("Location", "/api/agreements/" + a.id()).json(a);
    }

    /** {@code GET /api/agreements/{id}}: the agreement and its history. */
    public void agreement(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        Agreement a = agreements.find(p, id);
        ctx.json(Map.of("agreement", a, "history", agreements.history(p, id)));
    }

    /** {@code GET /api/agreements/{id}/history}. */
    public void history(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(Map.of("items", agreements.history(p, Params.pathId(ctx, "id"))));
    }

    /** {@code GET /api/agreements/{id}/pdf} (and the page's {@code /agreements/{id}/pdf}): the agreement as a PDF download. */
    public void pdf(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        byte[] bytes = pdf.render(p, id);
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + AgreementPdf.fileName(id) + "\"")
                .result(bytes);
    }

    /** {@code POST /api/agreements/{id}/countersign}. */
    public void countersign(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(agreements.countersign(p, Params.pathId(ctx, "id")));
    }

    /** {@code POST /api/agreements/{id}/refusal}: {@code {"reason"}}. */
    public void refuse(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(agreements.refuse(p, id, bodies.input(ctx, Agreements.Reason.class)));
    }

    /** {@code POST /api/agreements/{id}/termination}: {@code {"confirm": true, "reason"}}. */
    public void requestTermination(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(agreements.requestTermination(p, id, bodies.input(ctx, Agreements.TerminationRequest.class)));
    }

    /** {@code POST /api/agreements/{id}/termination/approval}: 解约成功. */
    public void approveTermination(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(agreements.approveTermination(p, Params.pathId(ctx, "id")));
    }

    /** {@code POST /api/agreements/{id}/termination/refusal}: 解约失败, {@code {"reason"}}. */
    public void rejectTermination(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(agreements.rejectTermination(p, id, bodies.input(ctx, Agreements.Reason.class)));
    }

    /**
     * {@code GET /api/data-authorisations?page=&size=}: one page of the authorisations the principal may see, and
     * what a new one covers.
     */
    public void authorisations(Context ctx) {
        Principal p = Caller.require(ctx);
        Map<String, Object> answer = authorisations.list(p, Pager.request(ctx)).fields();
        answer.put("scope", authorisations.scope());
        ctx.json(answer);
    }

    /** {@code POST /api/data-authorisations}: {@code {"agree": true}}. */
    public void authorise(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.status(201).json(authorisations.authorise(p, bodies.input(ctx, DataAuthorisations.AuthoriseRequest.class)));
    }

    /**
     * {@code GET /api/authorised-data/statistics?category=&from=&to=&frequency=&enterpriseId=}: the buckets of the
     * range (zeros included) and their total; 400 per bad field.
     */
    public void statistics(Context ctx) {
        ctx.json(data.statistics(Caller.require(ctx), AgreementPages.statisticsQuery(ctx)));
    }

    /** {@code GET /api/authorised-data?type=&from=&to=&enterpriseId=}. */
    public void authorisedData(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(data.list(p, new AuthorisedData.Query(ctx.queryParam("type"), ctx.queryParam("from"),
                ctx.queryParam("to"), ctx.queryParam("enterpriseId"), ctx.queryParam("page"), ctx.queryParam("size"))));
    }


    static AgreementState state(Context ctx) {
        String raw = ctx.queryParam("state");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (AgreementState s : AgreementState.values()) {
            if (s.name().equalsIgnoreCase(raw.strip()) || s.zh().equals(raw.strip())) {
                return s;
            }
        }
        throw new InvalidInputException("state", "未知的协议状态“" + raw + "”",
                "unknown agreement state '" + raw + "' (" + String.join(", ", List.of(AgreementState.values()).stream()
                        .map(Enum::name).toList()) + ")");
    }

    static Long enterpriseId(Context ctx) {
        return Params.queryId(ctx, "enterpriseId", "企业编号", "enterprise id");
    }
}
