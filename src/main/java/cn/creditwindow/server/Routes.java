package cn.creditwindow.server;

import cn.creditwindow.accounts.AccountHandlers;
import cn.creditwindow.agreements.AgreementHandlers;
import cn.creditwindow.alarm.AlarmHandlers;
import cn.creditwindow.alarm.AlarmPages;
import cn.creditwindow.buyers.BuyerHandlers;
import cn.creditwindow.buyers.BuyerPages;
import cn.creditwindow.calendar.CalendarHandlers;
import cn.creditwindow.calendar.CalendarPages;
import cn.creditwindow.claims.AttachmentHandlers;
import cn.creditwindow.claims.AttachmentPages;
import cn.creditwindow.claims.ClaimHandlers;
import cn.creditwindow.claims.ClaimPages;
import cn.creditwindow.losses.LossHandlers;
import cn.creditwindow.losses.LossPages;
import cn.creditwindow.agreements.AgreementPages;
import cn.creditwindow.articles.ArticleHandlers;
import cn.creditwindow.articles.ArticlePages;
import cn.creditwindow.credit.CreditHandlers;
import cn.creditwindow.credit.CreditPages;
import cn.creditwindow.customs.CustomsHandlers;
import cn.creditwindow.customs.CustomsPages;
import cn.creditwindow.enrolment.EnrolmentHandlers;
import cn.creditwindow.enrolment.EnrolmentPages;
import cn.creditwindow.feeds.FeedHandlers;
import cn.creditwindow.home.HomePages;
import cn.creditwindow.inquiries.InquiryHandlers;
import cn.creditwindow.inquiries.InquiryPages;
import cn.creditwindow.messageboard.MessageBoardHandlers;
import cn.creditwindow.messageboard.MessageBoardPages;
import cn.creditwindow.reference.RegionHandlers;
import cn.creditwindow.reference.ReferenceHandlers;
import cn.creditwindow.schemes.SchemeHandlers;
import cn.creditwindow.schemes.SchemePages;
// the window (融资超市, 服务介绍, 客户经理, 系统首页)
import cn.creditwindow.financing.FinancingHandlers;
import cn.creditwindow.financing.FinancingPages;
import cn.creditwindow.home.DashboardHandlers;
import cn.creditwindow.managers.ManagerHandlers;
import cn.creditwindow.service.ServicePages;
import cn.creditwindow.subscriptions.SubscriptionHandlers;
import cn.creditwindow.subscriptions.SubscriptionPages;
import cn.creditwindow.digest.DigestHandlers;
import cn.creditwindow.digest.DigestPages;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Set;

import static cn.creditwindow.accounts.Guard.ACCOUNT_MANAGER;
import static cn.creditwindow.accounts.Guard.ADMIN;
import static cn.creditwindow.accounts.Guard.CUSTOMS_PUSH;
import static cn.creditwindow.accounts.Guard.ENTERPRISE;
import static cn.creditwindow.accounts.Guard.FEED_PUSH;
import static cn.creditwindow.accounts.Guard.REVIEWER;
import static cn.creditwindow.accounts.Guard.SIGNED_IN;

/**
 * Every endpoint of the application, in one table: the JSON API (each documented in
 * {@code openapi.json}) and the HTML pages for people. A route without a {@link Guard} is public; with
 * guards, only a principal one of them admits gets to the handler (checked by {@link Authentication}).
 */
public final class Routes {
    /** Paths outside {@code /api/} that answer machines, not people (and so are in openapi.json). */
    private static final Set<String> SYSTEM_PATHS = Set.of("/health", "/metrics", "/openapi.json", "/api-docs");

    private Routes() {
    }

    /** The handlers the routes dispatch to. */
    public record Handlers(ArticleHandlers articles, FeedHandlers feeds, ReferenceHandlers reference,
                           SystemHandlers system, HomePages home, ArticlePages articlePages,
                           ComingSoonPages comingSoon, AccountHandlers accounts,
                           SchemeHandlers schemes,
                           // the service agreement (签约管理)
                           AgreementHandlers agreements, AgreementPages agreementPages,
                           // enrolment (小微投保)
                           EnrolmentHandlers enrolment, EnrolmentPages enrolmentPages,
                           // the buyer directory and the credit alarm (资信报警器)
                           BuyerHandlers buyers, BuyerPages buyerPages, AlarmHandlers alarm, AlarmPages alarmPages,
                           // credit services (资信服务)
                           CreditHandlers credit, CreditPages creditPages,
                           // customs declarations (报关单, 申报单证检查, 出运数据报告)
                           CustomsHandlers customs,
                           // claims (索赔服务)
                           ClaimHandlers claims, ClaimPages claimPages,
                           // the window: financing marketplace (融资超市), service introduction (服务介绍), account
                           // managers by district (客户经理), the home dashboard's counts (系统首页)
                           FinancingHandlers financing, FinancingPages financingPages, ServicePages servicePages,
                           ManagerHandlers managers, DashboardHandlers dashboard,
                           // administrative divisions, insurance inquiries (投保咨询), the message board (调查问卷)
                           RegionHandlers regions, InquiryHandlers inquiries, InquiryPages inquiryPages,
                           MessageBoardHandlers messageBoard, MessageBoardPages messageBoardPages,
                           // claim attachments (索赔附件)
                           AttachmentHandlers claimAttachments, AttachmentPages claimAttachmentPages,
                           // the customs pages of the claims section (报关单数据, 导入海关数据)
                           CustomsPages customsPages,
                           // subscriptions and monthly digests (信息订阅, 月报)
                           SubscriptionHandlers subscriptions, SubscriptionPages subscriptionPages,
                           DigestHandlers digests, DigestPages digestPages,
                           // the working-day calendar claims count their deadlines in (节假日安排)
                           CalendarHandlers calendar, CalendarPages calendarPages,
                           // the administrator's page of the schemes, bundled and added as data (统保方案)
                           SchemePages schemePages,
                           // possible-loss reports (报损)
                           LossHandlers losses, LossPages lossPages) {
    }

    public static void install(JavalinConfig config, Handlers h) {
        var r = new Table(config.routes);
        // The API (JSON)
        r.get("/api/articles", h.articles()::search);
        r.get("/api/articles/overview", h.articles()::overview);
        r.get("/api/articles/{id}", h.articles()::article);
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
        // (end of enrolment's API)
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
        // (end of the credit alarm's API)
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
        // (end of credit services' API)
        // Customs declarations (报关单): the staff's CSV import, the systems' push, the check, the consignor's own
        // declarations and the shipment data report; Customs checks the tenant (others' numbers: ✗ or 404)
        r.post("/api/customs/import", h.customs()::importCsv, REVIEWER, ADMIN);
        r.post("/api/customs/push", h.customs()::push, CUSTOMS_PUSH);
        r.post("/api/customs/declarations/check", h.customs()::check, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        r.get("/api/customs/declarations", h.customs()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/customs/declarations/{number}", h.customs()::declaration, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/customs/shipment-report", h.customs()::shipmentReport, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER);
        // (end of customs' API)
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
        // (end of claims' API)
        // Claim attachments (索赔附件): upload (the raw file as the body, streamed), list, download, delete
        r.post("/api/claims/{id}/attachments", h.claimAttachments()::upload, ENTERPRISE);
        r.get("/api/claims/{id}/attachments", h.claimAttachments()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/claims/{id}/attachments/{attachmentId}", h.claimAttachments()::download, ENTERPRISE, ACCOUNT_MANAGER,
                REVIEWER, ADMIN);
        r.delete("/api/claims/{id}/attachments/{attachmentId}", h.claimAttachments()::delete, ENTERPRISE);
        // (end of claim attachments' API)
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
        // (end of subscriptions' API)
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
        // The pages (HTML; the menu is web.Section; conventions in web.Pages)
        r.get("/", h.home()::show);
        r.get("/login", h.accounts()::loginPage);
        r.post("/login", h.accounts()::login);
        r.post("/logout", h.accounts()::logout, SIGNED_IN);
        r.get("/account/password", h.accounts()::passwordPage, SIGNED_IN);
        r.post("/account/password", h.accounts()::changePasswordForm, SIGNED_IN);
        r.get("/search", h.articlePages()::search);
        r.get("/search/{module}", h.articlePages()::module);
        r.get("/articles/{id}", h.articlePages()::article);
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
        // (end of enrolment pages)
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
        // (end of the credit alarm's pages)
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
        // (end of claims pages)
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
        // (end of credit services' pages)
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
        // (end of the window's routes)
        // Administrative divisions (public, like the other reference lists), insurance inquiries (投保咨询, under
        // 投保服务) and the message board (调查问卷): enterprises submit, the insurer's staff answer / reply; Inquiries and
        // BoardMessages check the tenant (others' records answer 404).
        r.get("/api/regions", h.regions()::provinces);
        r.get("/api/regions/{code}/children", h.regions()::children);
        r.get("/api/inquiries", h.inquiries()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/inquiries", h.inquiries()::submit, ENTERPRISE);
        r.get("/api/inquiries/{id}", h.inquiries()::inquiry, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/inquiries/{id}/answer", h.inquiries()::answer, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/api/message-board", h.messageBoard()::list, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/message-board", h.messageBoard()::submit, ENTERPRISE);
        r.get("/api/message-board/{id}", h.messageBoard()::message, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/api/message-board/{id}/reply", h.messageBoard()::reply, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/enrolment/inquiries", h.inquiryPages()::index, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/enrolment/inquiries", h.inquiryPages()::submit, ENTERPRISE);
        r.get("/enrolment/inquiries/{id}", h.inquiryPages()::view, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/enrolment/inquiries/{id}/answer", h.inquiryPages()::answer, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.get("/message-board", h.messageBoardPages()::index, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/message-board", h.messageBoardPages()::submit, ENTERPRISE);
        r.get("/message-board/{id}", h.messageBoardPages()::view, ENTERPRISE, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        r.post("/message-board/{id}/reply", h.messageBoardPages()::reply, ACCOUNT_MANAGER, REVIEWER, ADMIN);
        // (end of inquiries' and the message board's routes)
        // Claim attachments' forms on the claim page (索赔附件); downloads go through the API's GET
        r.post("/claims/{id}/attachments", h.claimAttachmentPages()::upload, ENTERPRISE);
        r.post("/claims/{id}/attachments/{attachmentId}/delete", h.claimAttachmentPages()::delete, ENTERPRISE);
        // (end of claim attachments' pages)
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
        // (end of possible-loss reports)
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
        // (end of subscriptions' pages)
    }

    /**
     * The verbs of the table. A GET route also answers HEAD, through the same guards and handler (Jetty sends the
     * head without the body): left to itself, Javalin answers the HEAD of any path with a GET route with an empty
     * 200, without its guards, its handler or its headers, so a page's HEAD lacked the security headers its GET has
     * and a protected page's HEAD said 200 to anyone.
     */
    private record Table(RoutesConfig routes) {
        void get(String path, Handler handler, RouteRole... guards) {
            routes.get(path, handler, guards);
            routes.head(path, handler, guards);
        }

        void post(String path, Handler handler, RouteRole... guards) {
            routes.post(path, handler, guards);
        }

        void put(String path, Handler handler, RouteRole... guards) {
            routes.put(path, handler, guards);
        }

        void delete(String path, Handler handler, RouteRole... guards) {
            routes.delete(path, handler, guards);
        }
    }

    /**
     * True for the paths that answer machines (JSON errors, documented in openapi.json): everything under
     * {@code /api/} and the operations endpoints. Every other path is a page for people.
     */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || SYSTEM_PATHS.contains(path);
    }
}
