package cn.creditwindow.server;

import static cn.creditwindow.accounts.Guard.ACCOUNT_MANAGER;
import static cn.creditwindow.accounts.Guard.ADMIN;
import static cn.creditwindow.accounts.Guard.ENTERPRISE;
import static cn.creditwindow.accounts.Guard.REVIEWER;
import static cn.creditwindow.accounts.Guard.SIGNED_IN;

/**
 * The HTML pages for people, by area; the menu is {@code web.Section}, the conventions are in {@code web.Pages}.
 * Within an area, and between areas that share a path prefix ({@code /claims/calendar} before {@code /claims/{id}}),
 * fixed paths come before the parameter paths they would otherwise match.
 */
final class PageRoutes {
    private PageRoutes() {
    }

    static void install(Routes.Table r, Routes.Handlers h) {
        homeSignInAndSearch(r, h);
        enrolment(r, h);
        agreements(r, h);
        buyersAndAlarm(r, h);
        claims(r, h);
        credit(r, h);
        window(r, h);
        inquiriesAndMessageBoard(r, h);
        claimAttachments(r, h);
        losses(r, h);
        subscriptions(r, h);
    }

    private static void homeSignInAndSearch(Routes.Table r, Routes.Handlers h) {
        r.get("/", h.home()::show);
        r.get("/login", h.accounts()::loginPage);
        r.post("/login", h.accounts()::login);
        r.post("/logout", h.accounts()::logout, SIGNED_IN);
        r.get("/account/password", h.accounts()::passwordPage, SIGNED_IN);
        r.post("/account/password", h.accounts()::changePasswordForm, SIGNED_IN);
        r.get("/search", h.articlePages()::search);
        r.get("/search/{module}", h.articlePages()::module);
        r.get("/articles/{id}", h.articlePages()::article);
        r.post("/articles/{id}/withdraw", h.articlePages()::withdraw, REVIEWER, ADMIN);
    }

    private static void enrolment(Routes.Table r, Routes.Handlers h) {
        // Enrolment pages (小微投保)
        r.get("/enrolment", h.enrolmentPages()::index);
        r.get("/enrolment/policies/{id}", h.enrolmentPages()::policy, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/enrolment/policies/{id}/application", h.enrolmentPages()::apply, ENTERPRISE);
        r.post("/enrolment/policies/{id}/receipt", h.enrolmentPages()::receipt, ENTERPRISE);
        r.get("/enrolment/outbox", h.enrolmentPages()::outbox, ENTERPRISE);
        r.get("/enrolment/review", h.enrolmentPages()::review, REVIEWER);
        r.post("/enrolment/review/{id}/accept", h.enrolmentPages()::accept, REVIEWER);
        r.post("/enrolment/review/{id}/return", h.enrolmentPages()::returnApplication, REVIEWER);
        r.get("/enrolment/payments", h.enrolmentPages()::payments, REVIEWER);
        r.post("/enrolment/policies/{id}/payment", h.enrolmentPages()::recordPayment, REVIEWER);
        r.get("/enrolment/lists", h.enrolmentPages()::lists, ADMIN);
        r.post("/enrolment/lists", h.enrolmentPages()::importList, ADMIN);
        r.get("/enrolment/lists/{id}", h.enrolmentPages()::list, ADMIN);
        r.post("/enrolment/lists/{id}/publish", h.enrolmentPages()::publish, ADMIN);
        r.post("/enrolment/lists/{id}/confirm", h.enrolmentPages()::confirm, ADMIN);
    }

    private static void agreements(Routes.Table r, Routes.Handlers h) {
        // The service agreement's pages (签约管理); /agreements itself is public and invites signing in.
        r.get("/agreements", h.agreementPages()::list);
        r.get("/agreements/seals", h.agreementPages()::seals, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.post("/agreements/seals", h.agreementPages()::createSeal, ENTERPRISE);
        r.get("/agreements/sign", h.agreementPages()::signPage, ENTERPRISE);
        r.post("/agreements/sign", h.agreementPages()::sign, ENTERPRISE);
        r.get("/agreements/authorisation", h.agreementPages()::authorisationPage, ENTERPRISE);
        r.post("/agreements/authorisation", h.agreementPages()::authorise, ENTERPRISE);
        r.get("/agreements/data", h.agreementPages()::data, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        // 查询统计: the statistics form with its chart and table, and the chart itself (SVG, for the page's <img>)
        r.get("/agreements/data/statistics", h.agreementPages()::statistics, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/agreements/data/statistics.svg", h.agreementPages()::statisticsSvg, ENTERPRISE, ACCOUNT_MANAGER,
                REVIEWER);
        r.get("/agreements/review", h.agreementPages()::review, REVIEWER);
        r.get("/agreements/{id}", h.agreementPages()::view, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/agreements/{id}/pdf", h.agreements()::pdf, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/agreements/{id}/terminate", h.agreementPages()::terminatePage, ENTERPRISE);
        r.post("/agreements/{id}/terminate", h.agreementPages()::terminate, ENTERPRISE);
        r.post("/agreements/{id}/countersign", h.agreementPages()::countersign, REVIEWER);
        r.post("/agreements/{id}/refuse", h.agreementPages()::refuse, REVIEWER);
        r.post("/agreements/{id}/termination/approve", h.agreementPages()::approveTermination, REVIEWER);
        r.post("/agreements/{id}/termination/reject", h.agreementPages()::rejectTermination, REVIEWER);
    }

    private static void buyersAndAlarm(Routes.Table r, Routes.Handlers h) {
        // The buyer directory's and the credit alarm's pages (资信报警器), under 资信服务
        r.get("/credit/buyers", h.buyerPages()::search, SIGNED_IN);
        r.get("/credit/buyers/new", h.buyerPages()::newPage, ENTERPRISE, REVIEWER, ADMIN);
        r.post("/credit/buyers", h.buyerPages()::add, ENTERPRISE, REVIEWER, ADMIN);
        r.get("/credit/buyers/import", h.buyerPages()::importPage, REVIEWER, ADMIN);
        r.post("/credit/buyers/import", h.buyerPages()::importCsv, REVIEWER, ADMIN);
        r.get("/credit/buyers/{id}", h.buyerPages()::buyer, SIGNED_IN);
        r.post("/credit/buyers/{id}/watch", h.alarmPages()::watch, ENTERPRISE);
        r.post("/credit/buyers/{id}/mute", h.alarmPages()::mute, ENTERPRISE);
        r.post("/credit/buyers/{id}/unwatch", h.alarmPages()::unwatch, ENTERPRISE);
        r.get("/credit/alerts", h.alarmPages()::inbox, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/credit/alerts/{id}/read", h.alarmPages()::read, ENTERPRISE);
    }

    private static void claims(Routes.Table r, Routes.Handlers h) {
        // Claims pages (索赔服务); /claims itself is public and invites signing in. Fixed paths before /claims/{id}.
        r.get("/claims", h.claimPages()::index);
        r.get("/claims/review", h.claimPages()::queue, REVIEWER);
        r.get("/claims/calendar", h.calendarPages()::show, ADMIN);
        r.post("/claims/calendar", h.calendarPages()::load, ADMIN);
        r.get("/enrolment/schemes", h.schemePages()::show, ADMIN);
        r.post("/enrolment/schemes", h.schemePages()::add, ADMIN);
        r.get("/claims/policies/{id}/new", h.claimPages()::newPage, ENTERPRISE);
        r.post("/claims/policies/{id}/claims", h.claimPages()::create, ENTERPRISE);
        r.get("/claims/{id}", h.claimPages()::view, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/claims/{id}/shipments", h.claimPages()::addShipment, ENTERPRISE);
        r.post("/claims/{id}/shipments/import", h.claimPages()::importShipments, ENTERPRISE);
        r.post("/claims/{id}/shipments/{shipmentId}/delete", h.claimPages()::deleteShipment, ENTERPRISE);
        r.post("/claims/{id}/submit", h.claimPages()::submit, ENTERPRISE);
        r.post("/claims/{id}/accept", h.claimPages()::accept, REVIEWER);
        r.post("/claims/{id}/return", h.claimPages()::returnClaim, REVIEWER);
        r.post("/claims/{id}/payment", h.claimPages()::pay, REVIEWER);
        r.post("/claims/{id}/payout-preview", h.claimPages()::payoutPreview, REVIEWER);
        // editing a draft or returned claim and its shipments; generating the shipment data report
        r.get("/claims/{id}/edit", h.claimPages()::editPage, ENTERPRISE);
        r.post("/claims/{id}/edit", h.claimPages()::update, ENTERPRISE);
        r.get("/claims/{id}/shipments/{shipmentId}/edit", h.claimPages()::shipmentPage, ENTERPRISE);
        r.post("/claims/{id}/shipments/{shipmentId}/edit", h.claimPages()::updateShipment, ENTERPRISE);
        r.post("/claims/{id}/shipment-report", h.claimPages()::generateReport, ENTERPRISE);
        // the customs pages linked from the claims section: the declarations one may see; the staff's CSV upload
        r.get("/customs/declarations", h.customsPages()::declarations, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/customs/import", h.customsPages()::importPage, REVIEWER, ADMIN);
        r.post("/customs/import", h.customsPages()::importCsv, REVIEWER, ADMIN);
    }

    private static void credit(Routes.Table r, Routes.Handlers h) {
        // Credit services' pages (资信服务); /credit itself is public and invites signing in.
        r.get("/credit", h.creditPages()::index);
        r.get("/credit/order", h.creditPages()::orderPage, ENTERPRISE, ACCOUNT_MANAGER);
        r.post("/credit/orders", h.creditPages()::order, ENTERPRISE, ACCOUNT_MANAGER);
        r.get("/credit/orders/{id}", h.creditPages()::view, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/credit/orders/{id}/report.pdf", h.credit()::pdf, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.post("/credit/orders/{id}/cancel", h.creditPages()::cancel, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/credit/fulfilment", h.creditPages()::fulfilment, REVIEWER);
        r.post("/credit/orders/{id}/take", h.creditPages()::take, REVIEWER);
        r.get("/credit/orders/{id}/deliver", h.creditPages()::deliverPage, REVIEWER);
        r.post("/credit/orders/{id}/deliver", h.creditPages()::deliver, REVIEWER);
        r.post("/credit/orders/{id}/unable", h.creditPages()::unable, REVIEWER);
    }

    private static void window(Routes.Table r, Routes.Handlers h) {
        r.get("/financing", h.financingPages()::index);
        r.get("/financing/products/{id}", h.financingPages()::product);
        r.get("/financing/products/{id}/apply", h.financingPages()::applyPage, ENTERPRISE);
        r.post("/financing/products/{id}/apply", h.financingPages()::apply, ENTERPRISE);
        r.get("/financing/applications", h.financingPages()::applications, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/financing/applications/{id}", h.financingPages()::application, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER,
                ADMIN);
        r.post("/financing/applications/{id}/decision", h.financingPages()::decide, REVIEWER, ADMIN);
        r.get("/service", h.servicePages()::index);
        r.get("/service/enrolment-flow", h.servicePages()::enrolmentFlow);
    }

    private static void inquiriesAndMessageBoard(Routes.Table r, Routes.Handlers h) {
        r.get("/enrolment/inquiries", h.inquiryPages()::index, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/enrolment/inquiries", h.inquiryPages()::submit, ENTERPRISE);
        r.get("/enrolment/inquiries/{id}", h.inquiryPages()::view, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/enrolment/inquiries/{id}/answer", h.inquiryPages()::answer, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/message-board", h.messageBoardPages()::index, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/message-board", h.messageBoardPages()::submit, ENTERPRISE);
        r.get("/message-board/{id}", h.messageBoardPages()::view, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/message-board/{id}/reply", h.messageBoardPages()::answer, ACCOUNT_MANAGER, REVIEWER, ADMIN);
    }

    private static void claimAttachments(Routes.Table r, Routes.Handlers h) {
        // Claim attachments' forms on the claim page (索赔附件); downloads go through the API's GET
        r.post("/claims/{id}/attachments", h.claimAttachmentPages()::upload, ENTERPRISE);
        r.post("/claims/{id}/attachments/{attachmentId}/delete", h.claimAttachmentPages()::delete, ENTERPRISE);
    }

    private static void losses(Routes.Table r, Routes.Handlers h) {
        r.get("/losses", h.lossPages()::index, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/losses/new", h.lossPages()::newPage, ENTERPRISE, ACCOUNT_MANAGER);
        r.post("/losses", h.lossPages()::create, ENTERPRISE, ACCOUNT_MANAGER);
        r.get("/losses/review", h.lossPages()::queue, REVIEWER);
        r.get("/losses/{id}", h.lossPages()::view, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/losses/{id}/edit", h.lossPages()::editPage, ENTERPRISE, ACCOUNT_MANAGER);
        r.post("/losses/{id}/edit", h.lossPages()::update, ENTERPRISE, ACCOUNT_MANAGER);
        r.post("/losses/{id}/claim", h.lossPages()::claim, ENTERPRISE);
        r.post("/losses/{id}/accept", h.lossPages()::accept, REVIEWER);
        r.post("/losses/{id}/request-info", h.lossPages()::requestInfo, REVIEWER);
        r.post("/losses/{id}/recovery", h.lossPages()::recover, REVIEWER);
    }

    private static void subscriptions(Routes.Table r, Routes.Handlers h) {
        // Subscriptions' and digests' pages (信息订阅, 月报存档); the unsubscribe page of the e-mails' links is public
        // (its signed token is the proof; POST is also RFC 8058's one-click). Fixed paths before {id}.
        r.get("/subscriptions", h.subscriptionPages()::list, ENTERPRISE);
        r.get("/subscriptions/new", h.subscriptionPages()::newPage, ENTERPRISE);
        r.post("/subscriptions", h.subscriptionPages()::create, ENTERPRISE);
        r.get("/subscriptions/{id}", h.subscriptionPages()::editPage, ENTERPRISE);
        r.post("/subscriptions/{id}", h.subscriptionPages()::update, ENTERPRISE);
        r.post("/subscriptions/{id}/pause", h.subscriptionPages()::pause, ENTERPRISE);
        r.post("/subscriptions/{id}/resume", h.subscriptionPages()::resume, ENTERPRISE);
        r.post("/subscriptions/{id}/delete", h.subscriptionPages()::delete, ENTERPRISE);
        r.post("/subscriptions/{id}/feed-token", h.subscriptionPages()::feedToken, ENTERPRISE);
        r.get("/digests/unsubscribe", h.digestPages()::confirmUnsubscribe);
        r.post("/digests/unsubscribe", h.digestPages()::unsubscribe);
        r.get("/digests", h.digestPages()::archive, ENTERPRISE);
        r.get("/digests/{id}", h.digestPages()::view, ENTERPRISE);
    }
}
