package cn.creditwindow.server;

import static cn.creditwindow.accounts.Guard.ACCOUNT_MANAGER;
import static cn.creditwindow.accounts.Guard.ADMIN;
import static cn.creditwindow.accounts.Guard.CUSTOMS_PUSH;
import static cn.creditwindow.accounts.Guard.ENTERPRISE;
import static cn.creditwindow.accounts.Guard.FEED_PUSH;
import static cn.creditwindow.accounts.Guard.REVIEWER;
import static cn.creditwindow.accounts.Guard.SIGNED_IN;

/**
 * The JSON API (each route documented in {@code openapi.json}) and the operations endpoints, by area. Within an
 * area, fixed paths come before the parameter paths they would otherwise match ({@code /api/claims/codes} before
 * {@code /api/claims/{id}}).
 */
final class ApiRoutes {
    private ApiRoutes() {
    }

    static void install(Routes.Table r, Routes.Handlers h) {
        articlesAndAccounts(r, h);
        enrolment(r, h);
        agreements(r, h);
        buyersAndAlarm(r, h);
        credit(r, h);
        customs(r, h);
        claims(r, h);
        claimAttachments(r, h);
        subscriptions(r, h);
        referenceSchemesAndSystem(r, h);
        window(r, h);
        regionsInquiriesAndMessageBoard(r, h);
        losses(r, h);
    }

    private static void articlesAndAccounts(Routes.Table r, Routes.Handlers h) {
        r.get("/api/articles", h.articles()::search);
        r.get("/api/articles/overview", h.articles()::overview);
        r.get("/api/articles/{id}", h.articles()::article);
        // withdrawing an article (撤下): the insurer's reviewers and administrators, and its feed-pushing systems
        r.delete("/api/articles/{id}", h.articles()::withdraw, REVIEWER, ADMIN, FEED_PUSH);
        r.get("/api/articles/{id}/attachments/{n}", h.articles()::attachment);
        r.post("/api/feeds", h.feeds()::post, FEED_PUSH);
        r.post("/api/session", h.accounts()::createSession);
        r.get("/api/session", h.accounts()::session, SIGNED_IN);
        r.delete("/api/session", h.accounts()::deleteSession, SIGNED_IN);
        r.put("/api/account/password", h.accounts()::changePassword, SIGNED_IN);
        r.get("/api/enterprises", h.accounts()::enterprises, SIGNED_IN);
        r.get("/api/enterprises/{id}", h.accounts()::enterprise, SIGNED_IN);
        r.post("/api/admin/enterprises", h.accounts()::createEnterprise, ADMIN);
        r.post("/api/admin/users", h.accounts()::createUser, ADMIN);
        r.post("/api/admin/managers/{id}/portfolio", h.accounts()::addToPortfolio, ADMIN);
        r.post("/api/admin/api-tokens", h.accounts()::createToken, ADMIN);
        r.delete("/api/admin/api-tokens/{name}", h.accounts()::revokeToken, ADMIN);
    }

    private static void enrolment(Routes.Table r, Routes.Handlers h) {
        // Enrolment (小微投保): policies, applications, review, eligible lists, outbox
        r.get("/api/policies", h.enrolment()::policies, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/policies/{id}", h.enrolment()::policy, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/policies/{id}/verification-code", h.enrolment()::requestCode, ENTERPRISE);
        r.post("/api/policies/{id}/application", h.enrolment()::submit, ENTERPRISE);
        r.post("/api/policies/{id}/receipt", h.enrolment()::receipt, ENTERPRISE);
        r.get("/api/policies/{id}/application.pdf", h.enrolment()::applicationPdf, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/policies/{id}/policy.pdf", h.enrolment()::policyPdf, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/policies/{id}/invoice", h.enrolment()::invoice, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/policies/{id}/invoice.pdf", h.enrolment()::invoicePdf, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/review/applications", h.enrolment()::awaitingReview, REVIEWER);
        r.post("/api/review/applications/{id}/accept", h.enrolment()::accept, REVIEWER);
        r.post("/api/review/applications/{id}/return", h.enrolment()::returnApplication, REVIEWER);
        // the Henan medium scheme's premium payment (#14): the reviewer records it, the policy takes effect
        r.get("/api/review/payments", h.enrolment()::awaitingPayment, REVIEWER);
        r.post("/api/review/policies/{id}/payment", h.enrolment()::recordPayment, REVIEWER);
        r.get("/api/outbox", h.enrolment()::outbox, ENTERPRISE);
        r.get("/api/admin/eligible-lists", h.enrolment()::eligibleLists, ADMIN);
        r.post("/api/admin/eligible-lists", h.enrolment()::importList, ADMIN);
        r.get("/api/admin/eligible-lists/{id}", h.enrolment()::eligibleList, ADMIN);
        r.post("/api/admin/eligible-lists/{id}/publication", h.enrolment()::publish, ADMIN);
        r.post("/api/admin/eligible-lists/{id}/confirmation", h.enrolment()::confirm, ADMIN);
    }

    private static void agreements(Routes.Table r, Routes.Handlers h) {
        // The service agreement (签约管理): seals, agreements, termination, data authorisation, authorised data.
        // Only the legal representative may act for the enterprise: the domain answers others with its own 403.
        r.get("/api/seals", h.agreements()::seals, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.post("/api/seals", h.agreements()::createSeal, ENTERPRISE);
        r.get("/api/agreements/text", h.agreements()::text, SIGNED_IN);
        r.get("/api/agreements", h.agreements()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.post("/api/agreements", h.agreements()::sign, ENTERPRISE);
        r.get("/api/agreements/{id}", h.agreements()::agreement, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/api/agreements/{id}/history", h.agreements()::history, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/api/agreements/{id}/pdf", h.agreements()::pdf, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.post("/api/agreements/{id}/countersign", h.agreements()::countersign, REVIEWER);
        r.post("/api/agreements/{id}/refusal", h.agreements()::refuse, REVIEWER);
        r.post("/api/agreements/{id}/termination", h.agreements()::requestTermination, ENTERPRISE);
        r.post("/api/agreements/{id}/termination/approval", h.agreements()::approveTermination, REVIEWER);
        r.post("/api/agreements/{id}/termination/refusal", h.agreements()::rejectTermination, REVIEWER);
        r.get("/api/data-authorisations", h.agreements()::authorisations, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.post("/api/data-authorisations", h.agreements()::authorise, ENTERPRISE);
        r.get("/api/authorised-data", h.agreements()::authorisedData, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/api/authorised-data/statistics", h.agreements()::statistics, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
    }

    private static void buyersAndAlarm(Routes.Table r, Routes.Handlers h) {
        // The buyer directory and the credit alarm (资信报警器): search and add buyers, the insurer's import,
        // watch lists and the inbox; Buyers / Watches / Alerts check the tenant (others' records answer 404)
        r.get("/api/buyers", h.buyers()::search, SIGNED_IN);
        r.post("/api/buyers", h.buyers()::add, ENTERPRISE, REVIEWER, ADMIN);
        r.post("/api/buyers/import", h.buyers()::importCsv, REVIEWER, ADMIN);
        r.get("/api/buyers/{id}", h.buyers()::buyer, SIGNED_IN);
        r.get("/api/watches", h.alarm()::watches, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/watches", h.alarm()::watch, ENTERPRISE);
        r.put("/api/watches/{buyerId}", h.alarm()::change, ENTERPRISE);
        r.delete("/api/watches/{buyerId}", h.alarm()::unwatch, ENTERPRISE);
        r.get("/api/alerts", h.alarm()::alerts, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/alerts/{id}/read", h.alarm()::read, ENTERPRISE);
    }

    private static void credit(Routes.Table r, Routes.Handlers h) {
        // Credit services (资信服务): report types and prices, quote, orders, wallet, the insurer's fulfilment.
        // Enterprises order for themselves, account managers on behalf of their portfolio; reviewers fulfil.
        r.get("/api/credit/types", h.credit()::types);
        r.get("/api/credit/quote", h.credit()::quote, ENTERPRISE, ACCOUNT_MANAGER);
        r.get("/api/credit/orders", h.credit()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.post("/api/credit/orders", h.credit()::create, ENTERPRISE, ACCOUNT_MANAGER);
        r.get("/api/credit/orders/{id}", h.credit()::get, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.post("/api/credit/orders/{id}/cancellation", h.credit()::cancel, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/api/credit/orders/{id}/report.pdf", h.credit()::pdf, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.post("/api/credit/orders/{id}/take", h.credit()::take, REVIEWER);
        r.post("/api/credit/orders/{id}/delivery", h.credit()::deliver, REVIEWER);
        r.post("/api/credit/orders/{id}/unable-to-locate", h.credit()::unable, REVIEWER);
        r.get("/api/credit/wallet", h.credit()::wallet, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/api/credit/fulfilment", h.credit()::queue, REVIEWER);
        r.get("/api/admin/credit/prices", h.credit()::prices, ADMIN);
        r.put("/api/admin/credit/prices/{type}", h.credit()::setPrice, ADMIN);
    }

    private static void customs(Routes.Table r, Routes.Handlers h) {
        // Customs declarations (报关单): the staff's CSV import, the systems' push, the check, the consignor's own
        // declarations and the shipment data report; Customs checks the tenant (others' numbers: ✗ or 404)
        r.post("/api/customs/import", h.customs()::importCsv, REVIEWER, ADMIN);
        r.post("/api/customs/push", h.customs()::push, CUSTOMS_PUSH);
        r.post("/api/customs/declarations/check", h.customs()::check, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/api/customs/declarations", h.customs()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/customs/declarations/{number}", h.customs()::declaration, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/customs/shipment-report", h.customs()::shipmentReport, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
    }

    private static void claims(Routes.Table r, Routes.Handlers h) {
        // Claims (索赔服务): the policy list with claims, the claim form, shipments and template import, submission;
        // the reviewer's queue, acceptance, return and payment. Fixed paths before /api/claims/{id}.
        r.get("/api/claims/policies", h.claims()::policies, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/claims/policies/{id}/claims", h.claims()::create, ENTERPRISE);
        r.get("/api/claims/codes", h.claims()::codes, SIGNED_IN);
        r.get("/api/claims/templates/shipments.csv", h.claims()::templateCsv, SIGNED_IN);
        r.get("/api/claims/templates/shipments.xlsx", h.claims()::templateXlsx, SIGNED_IN);
        r.get("/api/claims", h.claims()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/claims/{id}", h.claims()::claim, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.put("/api/claims/{id}", h.claims()::update, ENTERPRISE);
        r.post("/api/claims/{id}/shipments", h.claims()::addShipment, ENTERPRISE);
        r.post("/api/claims/{id}/shipments/import", h.claims()::importShipments, ENTERPRISE);
        r.put("/api/claims/{id}/shipments/{shipmentId}", h.claims()::updateShipment, ENTERPRISE);
        r.delete("/api/claims/{id}/shipments/{shipmentId}", h.claims()::deleteShipment, ENTERPRISE);
        r.post("/api/claims/{id}/submission", h.claims()::submit, ENTERPRISE);
        r.get("/api/review/claims", h.claims()::queue, REVIEWER);
        r.post("/api/review/claims/{id}/accept", h.claims()::accept, REVIEWER);
        r.post("/api/review/claims/{id}/return", h.claims()::returnClaim, REVIEWER);
        r.post("/api/review/claims/{id}/payment", h.claims()::pay, REVIEWER);
        r.get("/api/review/claims/{id}/payout-preview", h.claims()::payoutPreview, REVIEWER);
        // the working-day calendar (节假日安排): the years held and the missing ones; loading a year's official schedule
        r.get("/api/admin/calendar/years", h.calendar()::years, ADMIN);
        r.post("/api/admin/calendar/years/{year}", h.calendar()::load, ADMIN);
        // the shipment data report (出运数据报告): generated by the enterprise, read by whoever sees the claim
        r.post("/api/claims/{id}/shipment-report", h.claims()::generateReport, ENTERPRISE);
        r.get("/api/claims/{id}/shipment-report", h.claims()::report, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
    }

    private static void claimAttachments(Routes.Table r, Routes.Handlers h) {
        // Claim attachments (索赔附件): upload (the raw file as the body, streamed), list, download, delete
        r.post("/api/claims/{id}/attachments", h.claimAttachments()::upload, ENTERPRISE);
        r.get("/api/claims/{id}/attachments", h.claimAttachments()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/claims/{id}/attachments/{attachmentId}", h.claimAttachments()::download, ENTERPRISE, ACCOUNT_MANAGER,
                REVIEWER, ADMIN);
        r.delete("/api/claims/{id}/attachments/{attachmentId}", h.claimAttachments()::delete, ENTERPRISE);
    }

    private static void subscriptions(Routes.Table r, Routes.Handlers h) {
        // Subscriptions and monthly digests (信息订阅, 月报): an enterprise's people keep its subscriptions and read its
        // digest archive (others' answer 404); the Atom feed is public, its private token being the credential.
        // Fixed paths before /api/subscriptions/{id}.
        r.get("/api/subscriptions", h.subscriptions()::list, ENTERPRISE);
        r.post("/api/subscriptions", h.subscriptions()::create, ENTERPRISE);
        r.post("/api/subscriptions/preview", h.subscriptions()::preview, ENTERPRISE);
        r.get("/api/subscriptions/{id}", h.subscriptions()::get, ENTERPRISE);
        r.put("/api/subscriptions/{id}", h.subscriptions()::update, ENTERPRISE);
        r.put("/api/subscriptions/{id}/state", h.subscriptions()::state, ENTERPRISE);
        r.delete("/api/subscriptions/{id}", h.subscriptions()::delete, ENTERPRISE);
        r.post("/api/subscriptions/{id}/feed-token", h.subscriptions()::feedToken, ENTERPRISE);
        r.get("/api/atom/{token}", h.subscriptions()::atom);
        r.get("/api/digests", h.digests()::list, ENTERPRISE);
        r.get("/api/digests/{id}", h.digests()::get, ENTERPRISE);
    }

    private static void referenceSchemesAndSystem(Routes.Table r, Routes.Handlers h) {
        r.get("/api/reference/countries", h.reference()::countries);
        r.get("/api/reference/industries", h.reference()::industries);
        r.get("/api/reference/modules", h.reference()::modules);
        r.get("/api/schemes", h.schemes()::list);
        r.get("/api/schemes/{id}", h.schemes()::scheme);
        r.get("/api/schemes/{id}/quote", h.schemes()::quote);
        // schemes added as data by administrators (next year's notice), beside the bundled files
        r.post("/api/admin/schemes", h.schemes()::add, ADMIN);
        r.get("/health", h.system()::health);
        r.get("/metrics", h.system()::metrics);
        r.get("/openapi.json", h.system()::openApi);
        r.get("/api-docs", h.system()::apiDocs);
    }

    private static void window(Routes.Table r, Routes.Handlers h) {
        // The window (融资超市, 服务介绍, 客户经理, 系统首页): the dashboard's counts, an enterprise's account managers and the
        // administrator's office phones; the financing products (public), applying (enterprises), the applications
        // (Financing checks the tenant), the bank's decision and the CSV for the banks (insurer staff); the pages.
        r.get("/api/dashboard", h.dashboard()::counts, SIGNED_IN);
        r.get("/api/my/account-manager", h.managers()::mine, ENTERPRISE);
        r.put("/api/admin/managers/{id}/contact", h.managers()::setContact, ADMIN);
        r.get("/api/financing/products", h.financing()::products);
        r.get("/api/financing/products/{id}", h.financing()::product);
        r.post("/api/financing/products/{id}/applications", h.financing()::apply, ENTERPRISE);
        r.get("/api/financing/applications", h.financing()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/financing/applications.csv", h.financing()::csv, REVIEWER, ADMIN);
        r.get("/api/financing/applications/{id}", h.financing()::get, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/financing/applications/{id}/decision", h.financing()::decide, REVIEWER, ADMIN);
    }

    private static void regionsInquiriesAndMessageBoard(Routes.Table r, Routes.Handlers h) {
        // Administrative divisions (public, like the other reference lists), insurance inquiries (投保咨询, under
        // 投保服务) and the message board (调查问卷): enterprises submit, the insurer's staff answer / reply; Inquiries and
        // BoardMessages check the tenant (others' records answer 404).
        r.get("/api/regions", h.regions()::provinces);
        r.get("/api/regions/{code}/children", h.regions()::children);
        r.get("/api/inquiries", h.inquiries()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/inquiries", h.inquiries()::submit, ENTERPRISE);
        r.get("/api/inquiries/{id}", h.inquiries()::one, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/inquiries/{id}/answer", h.inquiries()::answer, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/message-board", h.messageBoard()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/message-board", h.messageBoard()::submit, ENTERPRISE);
        r.get("/api/message-board/{id}", h.messageBoard()::one, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/message-board/{id}/reply", h.messageBoard()::answer, ACCOUNT_MANAGER, REVIEWER, ADMIN);
    }

    private static void losses(Routes.Table r, Routes.Handlers h) {
        // Possible-loss reports (报损): the enterprise reports (its account manager on its behalf), the insurer accepts,
        // asks for more or closes as recovered, the enterprise turns an accepted report into a claim. Fixed paths first.
        r.get("/api/loss-reports", h.losses()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/loss-reports", h.losses()::create, ENTERPRISE, ACCOUNT_MANAGER);
        r.get("/api/loss-reports/codes", h.losses()::codes, SIGNED_IN);
        r.get("/api/loss-reports/obligations", h.losses()::obligations, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/loss-reports/receivables", h.losses()::registerReceivable, ENTERPRISE, ACCOUNT_MANAGER);
        r.get("/api/loss-reports/suggestions", h.losses()::suggestions, ENTERPRISE, ACCOUNT_MANAGER);
        r.get("/api/loss-reports/{id}", h.losses()::view, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.put("/api/loss-reports/{id}", h.losses()::update, ENTERPRISE, ACCOUNT_MANAGER);
        r.post("/api/loss-reports/{id}/claim", h.losses()::claim, ENTERPRISE);
        r.get("/api/review/loss-reports", h.losses()::queue, REVIEWER);
        r.post("/api/review/loss-reports/{id}/accept", h.losses()::accept, REVIEWER);
        r.post("/api/review/loss-reports/{id}/request-info", h.losses()::requestInfo, REVIEWER);
        r.post("/api/review/loss-reports/{id}/recovery", h.losses()::recover, REVIEWER);
    }
}
