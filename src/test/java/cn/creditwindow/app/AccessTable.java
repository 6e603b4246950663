package cn.creditwindow.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table {@link AccessMatrixIT} checks: for every route, the status each kind of principal must get. A row names
 * the request (with {@code {own}}, {@code {other}} and the other placeholders the IT fills in with the demo world's
 * ids) and defaults to 401 for nobody and 403 for everyone else; {@link RowBuilder#allow} marks who reaches the
 * handler.
 */
final class AccessTable {
    private AccessTable() {
    }

    /** The principals, in the order of the table's columns. */
    static final List<String> WHO = List.of("anonymous", "sz-legal", "sz-operator", "hn-legal", "manager", "reviewer",
            "admin", "feed-token");
    /** "allowed": reached the handler (2xx, 400 or 409, never 401/403/404/5xx). */
    static final int OK = -1;

    /** One row: a request and the status each principal must get ({@link #OK} for "allowed"). */
    record Row(String method, String path, String body, Map<String, Integer> expected, boolean fresh) {
        String route() {
            return method + " " + path.replace("{own}", "{id}").replace("{other}", "{id}");
        }
    }

    /** Builds a row: the statuses default to 401 for nobody and 403 for everyone else. */
    static final class RowBuilder {
        private final String method;
        private final String path;
        private String body = "{}";
        private boolean fresh;
        private final Map<String, Integer> expected = new LinkedHashMap<>();

        RowBuilder(String request) {
            String[] parts = request.split(" ", 2);
            this.method = parts[0];
            this.path = parts[1];
            for (String who : WHO) {
                expected.put(who, who.equals("anonymous") ? 401 : 403);
            }
        }

        RowBuilder body(String json) {
            this.body = json;
            return this;
        }

        /** Each person signs in anew for this row (it ends or spends the session). */
        RowBuilder fresh() {
            this.fresh = true;
            return this;
        }

        RowBuilder allow(String... who) {
            return status(OK, who);
        }

        RowBuilder status(int status, String... who) {
            for (String w : who) {
                if (!expected.containsKey(w)) {
                    throw new IllegalArgumentException("unknown principal " + w);
                }
                expected.put(w, status);
            }
            return this;
        }

        /** Everyone, signed in or not, API token or not. */
        RowBuilder everyone() {
            return allow(WHO.toArray(String[]::new));
        }

        /** Every signed-in person (not the API token). */
        RowBuilder people() {
            return allow("sz-legal", "sz-operator", "hn-legal", "manager", "reviewer", "admin");
        }

        Row build() {
            return new Row(method, path, body, Map.copyOf(expected), fresh);
        }
    }

    static RowBuilder on(String request) {
        return new RowBuilder(request);
    }

    /** The table. Pages that need a session redirect nobody to the sign-in page (303). */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // risk information, reference data, schemes, operations: public
        for (String get : List.of("/api/articles", "/api/articles/overview", "/api/reference/countries",
                "/api/reference/industries", "/api/reference/modules", "/api/schemes", "/api/schemes/shenzhen-2023",
                "/health", "/metrics", "/openapi.json", "/api-docs", "/", "/search", "/search/trade-news", "/login",
                "/claims", "/credit", "/agreements")) {
            rows.add(on("GET " + get).everyone().build());
        }
        rows.add(on("GET /api/schemes/henan-2024-small/quote?exports=150000").everyone().build());
        rows.add(on("GET /api/articles/no-such-article").everyone().status(404, WHO.toArray(String[]::new)).build());
        rows.add(on("GET /articles/no-such-article").everyone().status(404, WHO.toArray(String[]::new)).build());
        rows.add(on("GET /api/articles/no-such-article/attachments/1").status(404, WHO.toArray(String[]::new)).build());
        // withdrawing an article (#16): the insurer's reviewers and administrators, and its feed-pushing systems (the
        // API); the article is looked up before the body, so an unknown one is a 404 to them
        rows.add(on("DELETE /api/articles/no-such-article").status(404, "reviewer", "admin", "feed-token").build());
        rows.add(on("POST /articles/no-such-article/withdraw").body("").status(404, "reviewer", "admin").build());
        // feeds: only an API token with feeds:push (an empty body is a 400 from the handler)
        rows.add(on("POST /api/feeds?module=trade-news").body("").allow("feed-token").build());
        // sessions
        rows.add(on("POST /api/session").everyone().build());
        rows.add(on("GET /api/session").people().build());
        rows.add(on("POST /login").everyone().status(403, WHO.toArray(String[]::new)).build()); // no sign-in form token
        // one's own password (an incomplete change is a 400 and changes nothing)
        rows.add(on("PUT /api/account/password").people().build());
        rows.add(on("GET /account/password").people().status(303, "anonymous").build());
        rows.add(on("POST /account/password").body("").people().build());
        // enterprises: tenancy
        rows.add(on("GET /api/enterprises").people().build());
        rows.add(on("GET /api/enterprises/{own}").people().status(404, "hn-legal").build());
        rows.add(on("GET /api/enterprises/{other}").people().status(404, "sz-legal", "sz-operator", "manager").build());
        // the administrator's API
        rows.add(on("POST /api/admin/enterprises").allow("admin").build());
        rows.add(on("POST /api/admin/users").allow("admin").build());
        rows.add(on("POST /api/admin/managers/{own}/portfolio").allow("admin").build());
        rows.add(on("POST /api/admin/api-tokens").allow("admin").build());
        rows.add(on("DELETE /api/admin/api-tokens/no-such-token").allow("admin").status(404, "admin").build());
        // enrolment (小微投保): no policies, lists or applications exist here, so ids are unknown (404) for
        // whoever passes the guard; incomplete bodies are 400 from the handler
        String[] enterprise = {"sz-legal", "sz-operator", "hn-legal"};
        String[] people = {"sz-legal", "sz-operator", "hn-legal", "manager", "reviewer", "admin"};
        rows.add(on("GET /api/policies").people().build());
        rows.add(on("GET /api/policies/{own}").status(404, people).build());
        rows.add(on("GET /api/policies/{own}/application.pdf").status(404, people).build());
        rows.add(on("GET /api/policies/{own}/policy.pdf").status(404, people).build());
        rows.add(on("GET /api/policies/{own}/invoice").status(404, people).build()); // #14
        rows.add(on("GET /api/policies/{own}/invoice.pdf").status(404, people).build());
        rows.add(on("POST /api/policies/{own}/verification-code").status(404, enterprise).build());
        rows.add(on("POST /api/policies/{own}/application").status(404, enterprise).build());
        rows.add(on("POST /api/policies/{own}/receipt").status(404, enterprise).build());
        rows.add(on("GET /api/outbox").allow(enterprise).build());
        rows.add(on("GET /api/review/applications").allow("reviewer").build());
        rows.add(on("POST /api/review/applications/{own}/accept").status(404, "reviewer").build());
        rows.add(on("POST /api/review/applications/{own}/return").status(404, "reviewer").build());
        rows.add(on("GET /api/review/payments").allow("reviewer").build()); // #14
        rows.add(on("POST /api/review/policies/{own}/payment").status(404, "reviewer").build());
        rows.add(on("GET /api/admin/eligible-lists").allow("admin").build());
        rows.add(on("POST /api/admin/eligible-lists").allow("admin").build());
        rows.add(on("GET /api/admin/eligible-lists/{own}").status(404, "admin").build());
        rows.add(on("POST /api/admin/eligible-lists/{own}/publication").status(404, "admin").build());
        rows.add(on("POST /api/admin/eligible-lists/{own}/confirmation").status(404, "admin").build());
        rows.add(on("GET /enrolment").everyone().build());
        rows.add(on("GET /enrolment/policies/{own}").status(404, people).status(303, "anonymous").build());
        rows.add(on("POST /enrolment/policies/{own}/application").status(404, enterprise).build());
        rows.add(on("POST /enrolment/policies/{own}/receipt").status(404, enterprise).build());
        rows.add(on("GET /enrolment/outbox").allow(enterprise).status(303, "anonymous").build());
        rows.add(on("GET /enrolment/review").allow("reviewer").status(303, "anonymous").build());
        rows.add(on("POST /enrolment/review/{own}/accept").status(404, "reviewer").build());
        rows.add(on("POST /enrolment/review/{own}/return").status(404, "reviewer").build());
        rows.add(on("GET /enrolment/payments").allow("reviewer").status(303, "anonymous").build()); // #14
        rows.add(on("POST /enrolment/policies/{own}/payment").status(404, "reviewer").build());
        rows.add(on("GET /enrolment/lists").allow("admin").status(303, "anonymous").build());
        rows.add(on("POST /enrolment/lists").allow("admin").build());
        rows.add(on("GET /enrolment/lists/{own}").status(404, "admin").status(303, "anonymous").build());
        rows.add(on("POST /enrolment/lists/{own}/publish").status(404, "admin").build());
        rows.add(on("POST /enrolment/lists/{own}/confirm").status(404, "admin").build());
        // (end of enrolment's rows)
        // the service agreement (签约管理). Only the legal representative acts for the enterprise (operators: 403 from
        // the domain); reviewers countersign and answer terminations. Shenzhen's agreement is signed, so the
        // reviewer's countersign / approval answer 409 and change nothing; Zhengzhou's is only read here.
        String[] readers = {"sz-legal", "sz-operator", "hn-legal", "manager", "reviewer"};
        String[] legal = {"sz-legal", "hn-legal"};
        rows.add(on("GET /api/seals").allow(readers).build());
        rows.add(on("POST /api/seals").allow(legal).build());
        rows.add(on("GET /api/agreements/text").people().build());
        rows.add(on("GET /api/agreements").allow(readers).build());
        rows.add(on("POST /api/agreements").allow(legal).build());
        for (String get : List.of("/api/agreements/{ownAgreement}", "/api/agreements/{ownAgreement}/history",
                "/api/agreements/{ownAgreement}/pdf", "/agreements/{ownAgreement}", "/agreements/{ownAgreement}/pdf")) {
            rows.add(on("GET " + get).allow(readers).status(404, "hn-legal").status(get.startsWith("/api") ? 401 : 303,
                    "anonymous").build());
        }
        rows.add(on("GET /api/agreements/{otherAgreement}").allow(readers).status(404, "sz-legal", "sz-operator", "manager")
                .build());
        rows.add(on("POST /api/agreements/{ownAgreement}/countersign").allow("reviewer").build());
        rows.add(on("POST /api/agreements/{ownAgreement}/refusal").allow("reviewer").build());
        rows.add(on("POST /api/agreements/{ownAgreement}/termination").allow("sz-legal").status(404, "hn-legal").build());
        rows.add(on("POST /api/agreements/{ownAgreement}/termination/approval").allow("reviewer").build());
        rows.add(on("POST /api/agreements/{ownAgreement}/termination/refusal").allow("reviewer").build());
        rows.add(on("GET /api/data-authorisations").allow(readers).build());
        rows.add(on("POST /api/data-authorisations").allow(legal).build());
        rows.add(on("GET /api/authorised-data").allow(readers).build());
        rows.add(on("GET /api/authorised-data?enterpriseId={other}").allow(readers).status(404, "sz-legal", "sz-operator",
                "manager").build());
        // #14: the statistics (查询统计), as JSON, as the page and as its SVG chart: who may see as for the data
        rows.add(on("GET /api/authorised-data/statistics").allow(readers).build());
        rows.add(on("GET /api/authorised-data/statistics?category=EXPORT_RECEIPTS&from=2026-01&to=2026-03&frequency=MONTH"
                + "&enterpriseId={other}").allow(readers).status(404, "sz-legal", "sz-operator", "manager").build());
        rows.add(on("GET /agreements/data/statistics.svg").allow(readers).status(303, "anonymous").build());
        for (String get : List.of("/agreements/seals", "/agreements/data", "/agreements/data/statistics")) {
            rows.add(on("GET " + get).allow(readers).status(303, "anonymous").build());
        }
        for (String get : List.of("/agreements/sign", "/agreements/authorisation")) {
            rows.add(on("GET " + get).allow("sz-legal", "sz-operator", "hn-legal").status(303, "anonymous").build());
        }
        rows.add(on("GET /agreements/review").allow("reviewer").status(303, "anonymous").build());
        rows.add(on("GET /agreements/{ownAgreement}/terminate").allow("sz-legal").status(404, "hn-legal")
                .status(303, "anonymous").build());
        for (String post : List.of("/agreements/seals", "/agreements/sign", "/agreements/authorisation")) {
            rows.add(on("POST " + post).allow(legal).build());
        }
        rows.add(on("POST /agreements/{ownAgreement}/terminate").allow("sz-legal").status(404, "hn-legal").build());
        for (String post : List.of("countersign", "refuse", "termination/approve", "termination/reject")) {
            rows.add(on("POST /agreements/{ownAgreement}/" + post).allow("reviewer").build());
        }
        // the buyer directory and the credit alarm (资信报警器). Unknown ids (999999) answer 404 to whoever passes the
        // guard, so nothing is watched, muted or read here; incomplete bodies are 400 from the handler
        String[] adders = {"sz-legal", "sz-operator", "hn-legal", "reviewer", "admin"};
        String[] watchReaders = {"sz-legal", "sz-operator", "hn-legal", "manager", "reviewer", "admin"};
        rows.add(on("GET /api/buyers").people().build());
        rows.add(on("GET /api/buyers?q=desert&country=AE").people().build());
        rows.add(on("POST /api/buyers").allow(adders).build());
        rows.add(on("POST /api/buyers/import").allow("reviewer", "admin").build());
        rows.add(on("GET /api/buyers/{szBuyer}").people().status(404, "hn-legal").build());
        rows.add(on("GET /api/watches").allow(watchReaders).build());
        rows.add(on("GET /api/watches?enterpriseId={other}").allow(watchReaders).status(404, "sz-legal", "sz-operator",
                "manager").build());
        rows.add(on("POST /api/watches").allow(enterprise).build());
        rows.add(on("PUT /api/watches/{szBuyer}").status(404, enterprise).build()); // not watched
        rows.add(on("DELETE /api/watches/999999").status(404, enterprise).build());
        rows.add(on("GET /api/alerts").allow(watchReaders).build());
        rows.add(on("GET /api/alerts?enterpriseId={other}").allow(watchReaders).status(404, "sz-legal", "sz-operator",
                "manager").build());
        rows.add(on("POST /api/alerts/999999/read").status(404, enterprise).build());
        rows.add(on("GET /credit/buyers").people().status(303, "anonymous").build());
        rows.add(on("GET /credit/buyers/new").allow(adders).status(303, "anonymous").build());
        rows.add(on("POST /credit/buyers").allow(adders).build());
        rows.add(on("GET /credit/buyers/import").allow("reviewer", "admin").status(303, "anonymous").build());
        rows.add(on("POST /credit/buyers/import").allow("reviewer", "admin").build());
        rows.add(on("GET /credit/buyers/{szBuyer}").people().status(404, "hn-legal").status(303, "anonymous").build());
        for (String post : List.of("watch", "mute", "unwatch")) {
            rows.add(on("POST /credit/buyers/999999/" + post).status(404, enterprise).build());
        }
        rows.add(on("GET /credit/alerts").allow(watchReaders).status(303, "anonymous").build());
        rows.add(on("POST /credit/alerts/999999/read").status(404, enterprise).build());
        // (end of the credit alarm's rows)
        // credit services (资信服务). No orders exist here, so order ids are unknown (404) for whoever passes the guard;
        // incomplete bodies and queries are 400 from the handler. Enterprises and managers order, reviewers fulfil.
        String[] orderers = {"sz-legal", "sz-operator", "hn-legal", "manager"};
        String[] creditReaders = {"sz-legal", "sz-operator", "hn-legal", "manager", "reviewer"};
        rows.add(on("GET /api/credit/types").everyone().build());
        rows.add(on("GET /api/credit/quote").allow(orderers).build());
        // an enterprise the quote names that the asker may not is a field of it (400), not a 404
        rows.add(on("GET /api/credit/quote?type=COUNTRY_RISK&country=AE&enterpriseId={other}").allow(orderers).build());
        rows.add(on("GET /api/credit/orders").allow(creditReaders).build());
        rows.add(on("POST /api/credit/orders").allow(orderers).build());
        rows.add(on("GET /api/credit/orders/{own}").status(404, creditReaders).build());
        rows.add(on("POST /api/credit/orders/{own}/cancellation").status(404, creditReaders).build());
        rows.add(on("GET /api/credit/orders/{own}/report.pdf").status(404, creditReaders).build());
        rows.add(on("POST /api/credit/orders/{own}/take").status(404, "reviewer").build());
        rows.add(on("POST /api/credit/orders/{own}/delivery").status(404, "reviewer").build());
        rows.add(on("POST /api/credit/orders/{own}/unable-to-locate").status(404, "reviewer").build());
        rows.add(on("GET /api/credit/wallet").allow(creditReaders).build());
        rows.add(on("GET /api/credit/wallet?enterpriseId={other}").allow(creditReaders)
                .status(404, "sz-legal", "sz-operator", "manager").build());
        rows.add(on("GET /api/credit/fulfilment").allow("reviewer").build());
        rows.add(on("GET /api/admin/credit/prices").allow("admin").build());
        rows.add(on("PUT /api/admin/credit/prices/BUYER_CREDIT").allow("admin").build());
        rows.add(on("GET /credit/order").allow(orderers).status(303, "anonymous").build());
        rows.add(on("POST /credit/orders").allow(orderers).build());
        for (String get : List.of("/credit/orders/{own}", "/credit/orders/{own}/report.pdf")) {
            rows.add(on("GET " + get).status(404, creditReaders).status(303, "anonymous").build());
        }
        rows.add(on("POST /credit/orders/{own}/cancel").status(404, creditReaders).build());
        rows.add(on("GET /credit/fulfilment").allow("reviewer").status(303, "anonymous").build());
        rows.add(on("POST /credit/orders/{own}/take").status(404, "reviewer").build());
        rows.add(on("GET /credit/orders/{own}/deliver").status(404, "reviewer").status(303, "anonymous").build());
        rows.add(on("POST /credit/orders/{own}/deliver").status(404, "reviewer").build());
        rows.add(on("POST /credit/orders/{own}/unable").status(404, "reviewer").build());
        // (end of credit services' rows)
        // customs declarations (报关单). Incomplete bodies are 400 from the handler (no numbers; staff without
        // enterpriseId); an unknown declaration number answers 404 to whoever passes the guard. The feed token lacks
        // customs:push, so the push answers it 403.
        String[] checkers = {"sz-legal", "sz-operator", "hn-legal", "manager", "reviewer"};
        String[] customsReaders = {"sz-legal", "sz-operator", "hn-legal", "manager", "reviewer", "admin"};
        rows.add(on("POST /api/customs/import").allow("reviewer", "admin").build());
        rows.add(on("POST /api/customs/push").build());
        rows.add(on("POST /api/customs/declarations/check").allow(checkers).build());
        rows.add(on("GET /api/customs/declarations").allow(customsReaders).build());
        rows.add(on("GET /api/customs/declarations?enterpriseId={other}").allow(customsReaders)
                .status(404, "sz-legal", "sz-operator", "manager").build());
        rows.add(on("GET /api/customs/declarations/530120260000099999").status(404, customsReaders).build());
        rows.add(on("POST /api/customs/shipment-report").allow(checkers).build());
        // (end of customs' rows)
        // claims (索赔服务). No claim exists here, so claim ids are unknown (404) for whoever passes the guard; incomplete
        // bodies are 400 from the handler. ClaimsApiIT shows another enterprise gets 404 on every URL of a real claim.
        String[] claimReaders = {"sz-legal", "sz-operator", "hn-legal", "manager", "reviewer", "admin"};
        for (String get : List.of("/api/claims/policies", "/api/claims/codes", "/api/claims/templates/shipments.csv",
                "/api/claims/templates/shipments.xlsx", "/api/claims")) {
            rows.add(on("GET " + get).allow(claimReaders).build());
        }
        rows.add(on("POST /api/claims/policies/999999/claims").status(404, enterprise).build());
        rows.add(on("GET /api/claims/999999").status(404, claimReaders).build());
        rows.add(on("PUT /api/claims/999999").status(404, enterprise).build());
        rows.add(on("POST /api/claims/999999/shipments").status(404, enterprise).build());
        rows.add(on("POST /api/claims/999999/shipments/import").status(404, enterprise).build());
        rows.add(on("PUT /api/claims/999999/shipments/1").status(404, enterprise).build());
        rows.add(on("DELETE /api/claims/999999/shipments/1").status(404, enterprise).build());
        rows.add(on("POST /api/claims/999999/submission").status(404, enterprise).build());
        rows.add(on("GET /api/review/claims").allow("reviewer").build());
        rows.add(on("POST /api/review/claims/999999/accept").status(404, "reviewer").build());
        rows.add(on("POST /api/review/claims/999999/return").status(404, "reviewer").build());
        rows.add(on("POST /api/review/claims/999999/payment").status(404, "reviewer").build());
        rows.add(on("GET /api/review/claims/999999/payout-preview").status(404, "reviewer").build()); // #14
        rows.add(on("GET /claims/review").allow("reviewer").status(303, "anonymous").build());
        // the working-day calendar (节假日安排): administrators only; a JSON body is not a schedule (400, nothing loaded)
        rows.add(on("GET /api/admin/calendar/years").allow("admin").build());
        rows.add(on("POST /api/admin/calendar/years/2027").allow("admin").build());
        rows.add(on("GET /claims/calendar").allow("admin").status(303, "anonymous").build());
        rows.add(on("POST /claims/calendar").allow("admin").build());
        // the schemes added as data (#14): administrators only; the matrix's body is no scheme (400, nothing added)
        rows.add(on("POST /api/admin/schemes").allow("admin").build());
        rows.add(on("GET /enrolment/schemes").allow("admin").status(303, "anonymous").build());
        rows.add(on("POST /enrolment/schemes").allow("admin").build());
        rows.add(on("GET /claims/policies/999999/new").allow(enterprise).status(303, "anonymous").build());
        rows.add(on("POST /claims/policies/999999/claims").status(404, enterprise).build());
        rows.add(on("GET /claims/999999").status(404, claimReaders).status(303, "anonymous").build());
        for (String post : List.of("shipments", "shipments/import", "shipments/1/delete", "submit")) {
            rows.add(on("POST /claims/999999/" + post).status(404, enterprise).build());
        }
        rows.add(on("POST /claims/999999/accept").status(404, "reviewer").build());
        rows.add(on("POST /claims/999999/return").status(404, "reviewer").build());
        rows.add(on("POST /claims/999999/payment").status(404, "reviewer").build());
        rows.add(on("POST /claims/999999/payout-preview").status(404, "reviewer").build()); // #14
        // the shipment data report, editing a claim and a shipment; the customs pages of the claims section
        rows.add(on("POST /api/claims/999999/shipment-report").status(404, enterprise).build());
        rows.add(on("GET /api/claims/999999/shipment-report").status(404, claimReaders).build());
        rows.add(on("GET /claims/999999/edit").status(404, enterprise).status(303, "anonymous").build());
        rows.add(on("GET /claims/999999/shipments/1/edit").status(404, enterprise).status(303, "anonymous").build());
        for (String post : List.of("edit", "shipments/1/edit", "shipment-report")) {
            rows.add(on("POST /claims/999999/" + post).status(404, enterprise).build());
        }
        // possible-loss reports (报损, #14): no report exists here, so report ids are unknown (404) past the guard;
        // LossReportsApiIT shows another enterprise gets 404 on every URL of a real report
        String[] reporters = {"sz-legal", "sz-operator", "hn-legal", "manager"};
        rows.add(on("GET /api/loss-reports").allow(claimReaders).build());
        rows.add(on("POST /api/loss-reports").allow(reporters).build());
        rows.add(on("GET /api/loss-reports/codes").people().build());
        rows.add(on("GET /api/loss-reports/obligations").allow(claimReaders).build());
        rows.add(on("POST /api/loss-reports/receivables").allow(reporters).build());
        rows.add(on("GET /api/loss-reports/suggestions").allow(reporters).build());
        rows.add(on("GET /api/loss-reports/999999").status(404, claimReaders).build());
        rows.add(on("PUT /api/loss-reports/999999").status(404, reporters).build());
        rows.add(on("POST /api/loss-reports/999999/claim").status(404, enterprise).build());
        rows.add(on("GET /api/review/loss-reports").allow("reviewer").build());
        for (String post : List.of("accept", "request-info", "recovery")) {
            rows.add(on("POST /api/review/loss-reports/999999/" + post).status(404, "reviewer").build());
            rows.add(on("POST /losses/999999/" + post).status(404, "reviewer").build());
        }
        rows.add(on("GET /losses").allow(claimReaders).status(303, "anonymous").build());
        rows.add(on("GET /losses/new").allow(reporters).status(303, "anonymous").build());
        rows.add(on("POST /losses").body("").allow(reporters).build());
        rows.add(on("GET /losses/review").allow("reviewer").status(303, "anonymous").build());
        rows.add(on("GET /losses/999999").status(404, claimReaders).status(303, "anonymous").build());
        rows.add(on("GET /losses/999999/edit").status(404, reporters).status(303, "anonymous").build());
        rows.add(on("POST /losses/999999/edit").body("").status(404, reporters).build());
        rows.add(on("POST /losses/999999/claim").body("").status(404, enterprise).build());
        rows.add(on("GET /customs/declarations").allow(claimReaders).status(303, "anonymous").build());
        rows.add(on("GET /customs/import").allow("reviewer", "admin").status(303, "anonymous").build());
        rows.add(on("POST /customs/import").allow("reviewer", "admin").build());
        // (end of claims' rows)
        // the window (融资超市, 服务介绍, 客户经理, 系统首页). No financing application exists here, so ids are unknown (404)
        // for whoever passes the guard; incomplete bodies are 400 from the handler. FinancingApiIT shows another
        // enterprise gets 404 on a real application.
        String[] financingReaders = {"sz-legal", "sz-operator", "hn-legal", "manager", "reviewer", "admin"};
        rows.add(on("GET /api/dashboard").people().build());
        rows.add(on("GET /api/my/account-manager").allow(enterprise).build());
        rows.add(on("PUT /api/admin/managers/{own}/contact").status(404, "admin").build()); // no such manager
        rows.add(on("GET /api/financing/products").everyone().build());
        rows.add(on("GET /api/financing/products/policy-loan").everyone().build());
        rows.add(on("POST /api/financing/products/policy-loan/applications").allow(enterprise).build());
        rows.add(on("GET /api/financing/applications").allow(financingReaders).build());
        rows.add(on("GET /api/financing/applications.csv").allow("reviewer", "admin").build());
        rows.add(on("GET /api/financing/applications/999999").status(404, financingReaders).build());
        rows.add(on("POST /api/financing/applications/999999/decision").status(404, "reviewer", "admin").build());
        for (String get : List.of("/financing", "/financing/products/policy-loan", "/service", "/service/enrolment-flow")) {
            rows.add(on("GET " + get).everyone().build());
        }
        rows.add(on("GET /financing/products/policy-loan/apply").allow(enterprise).status(303, "anonymous").build());
        rows.add(on("POST /financing/products/policy-loan/apply").allow(enterprise).build());
        rows.add(on("GET /financing/applications").allow(financingReaders).status(303, "anonymous").build());
        rows.add(on("GET /financing/applications/999999").status(404, financingReaders).status(303, "anonymous").build());
        rows.add(on("POST /financing/applications/999999/decision").status(404, "reviewer", "admin").build());
        // (end of the window's rows)
        // administrative divisions (public), insurance inquiries (投保咨询) and the message board (调查问卷): enterprises
        // submit (incomplete bodies: 400), everyone who may see the enterprise reads (hn-legal: 404), the insurer's
        // staff answer / reply (an empty answer: 400, so nothing is answered here)
        rows.add(on("GET /api/regions").everyone().build());
        rows.add(on("GET /api/regions/440300/children").everyone().build());
        rows.add(on("GET /api/regions/999999/children").status(404, WHO.toArray(String[]::new)).build());
        String[] staff = {"manager", "reviewer", "admin"};
        for (String base : List.of("/api/inquiries", "/api/message-board", "/enrolment/inquiries", "/message-board")) {
            boolean api = base.startsWith("/api");
            String own = base.contains("inquiries") ? "{szInquiry}" : "{szMessage}";
            rows.add(on("GET " + base).people().status(api ? 401 : 303, "anonymous").build());
            rows.add(on("POST " + base).allow(enterprise).build());
            rows.add(on("GET " + base + "/" + own).people().status(404, "hn-legal").status(api ? 401 : 303, "anonymous")
                    .build());
            rows.add(on("POST " + base + "/" + own + (base.contains("inquiries") ? "/answer" : "/reply")).allow(staff)
                    .build());
        }
        rows.add(on("GET /api/inquiries/999999").status(404, people).build());
        rows.add(on("GET /message-board/999999").status(404, people).status(303, "anonymous").build());
        // (end of inquiries' and the message board's rows)
        // claim attachments (索赔附件): uploads and deletions by the claimant's people, lists and downloads also by the
        // staff who see the claim. No claim exists here, so whoever passes the guard gets 404; ClaimAttachmentsIT shows
        // another enterprise gets 404 on a real claim's attachments and its staff get them.
        rows.add(on("POST /api/claims/999999/attachments?name=a.pdf").status(404, enterprise).build());
        rows.add(on("GET /api/claims/999999/attachments").status(404, claimReaders).build());
        rows.add(on("GET /api/claims/999999/attachments/1").status(404, claimReaders).build());
        rows.add(on("DELETE /api/claims/999999/attachments/1").status(404, enterprise).build());
        rows.add(on("POST /claims/999999/attachments").status(404, enterprise).build());
        rows.add(on("POST /claims/999999/attachments/1/delete").status(404, enterprise).build());
        // (end of claim attachments' rows)
        // subscriptions and monthly digests (信息订阅, 月报). Only an enterprise's people keep subscriptions and read the
        // archive; unknown ids (999999) answer 404 to them; an unknown module in a body is 400, so nothing is saved.
        // The Atom feed and the unsubscribe page are public: an unknown feed token is 404, a forged unsubscribe token
        // 400, to everyone. SubscriptionsApiIT shows another enterprise gets 404 on every URL of a real subscription.
        String badSubscription = "{\"modules\": [\"no-such-module\"]}";
        rows.add(on("GET /api/subscriptions").allow(enterprise).build());
        rows.add(on("POST /api/subscriptions").body(badSubscription).allow(enterprise).build());
        rows.add(on("POST /api/subscriptions/preview").allow(enterprise).build());
        rows.add(on("GET /api/subscriptions/999999").status(404, enterprise).build());
        rows.add(on("PUT /api/subscriptions/999999").status(404, enterprise).build());
        rows.add(on("PUT /api/subscriptions/999999/state").status(404, enterprise).build());
        rows.add(on("DELETE /api/subscriptions/999999").status(404, enterprise).build());
        rows.add(on("POST /api/subscriptions/999999/feed-token").status(404, enterprise).build());
        rows.add(on("GET /api/atom/no-such-feed-token-0123456789abcdef").status(404, WHO.toArray(String[]::new)).build());
        rows.add(on("GET /api/digests").allow(enterprise).build());
        rows.add(on("GET /api/digests/999999").status(404, enterprise).build());
        for (String get : List.of("/subscriptions", "/subscriptions/new", "/digests")) {
            rows.add(on("GET " + get).allow(enterprise).status(303, "anonymous").build());
        }
        rows.add(on("POST /subscriptions").body("module=no-such-module").allow(enterprise).build());
        rows.add(on("GET /subscriptions/999999").status(404, enterprise).status(303, "anonymous").build());
        rows.add(on("GET /digests/999999").status(404, enterprise).status(303, "anonymous").build());
        for (String post : List.of("", "/pause", "/resume", "/delete", "/feed-token")) {
            rows.add(on("POST /subscriptions/999999" + post).body("module=no-such-module").status(404, enterprise).build());
        }
        rows.add(on("GET /digests/unsubscribe?token=s1.forged").status(400, WHO.toArray(String[]::new)).build());
        rows.add(on("POST /digests/unsubscribe?token=s1.forged").status(400, WHO.toArray(String[]::new)).build());
        // (end of subscriptions' rows)
        // signing out, each with a session of its own
        rows.add(on("POST /logout").body("").fresh().people().build());
        rows.add(on("DELETE /api/session").fresh().people().build());
        return rows;
    }

    /** Routes every principal may call without restriction, and not worth a row each. */
    static final Set<String> NOT_IN_TABLE = Set.of("GET /api/articles/{id}", "GET /articles/{id}",
            "GET /api/articles/{id}/attachments/{n}", "GET /search/{module}", "GET /api/schemes/{id}",
            "GET /api/schemes/{id}/quote", "DELETE /api/admin/api-tokens/{name}", "POST /api/admin/managers/{id}/portfolio");
}
