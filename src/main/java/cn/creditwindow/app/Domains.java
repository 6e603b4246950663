package cn.creditwindow.app;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.ApiTokens;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Sessions;
import cn.creditwindow.agreements.AgreementPdf;
import cn.creditwindow.agreements.Agreements;
import cn.creditwindow.agreements.AuthorisedData;
import cn.creditwindow.agreements.DataAuthorisations;
import cn.creditwindow.agreements.Seals;
import cn.creditwindow.alarm.Alerts;
import cn.creditwindow.alarm.CreditAlarm;
import cn.creditwindow.alarm.WatchedNames;
import cn.creditwindow.alarm.Watches;
import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.calendar.HolidayCalendar;
import cn.creditwindow.claims.AttachmentStore;
import cn.creditwindow.claims.ClaimAttachments;
import cn.creditwindow.claims.ClaimCodes;
import cn.creditwindow.claims.ClaimDocuments;
import cn.creditwindow.claims.ClaimReview;
import cn.creditwindow.claims.ClaimShipments;
import cn.creditwindow.claims.Claims;
import cn.creditwindow.config.Config;
import cn.creditwindow.credit.CreditOrders;
import cn.creditwindow.credit.CreditPrices;
import cn.creditwindow.credit.CreditQuotas;
import cn.creditwindow.credit.CreditQuotes;
import cn.creditwindow.credit.ReportPdf;
import cn.creditwindow.credit.ReportTypes;
import cn.creditwindow.customs.Customs;
import cn.creditwindow.customs.ShipmentReport;
import cn.creditwindow.digest.DigestMail;
import cn.creditwindow.digest.DigestRun;
import cn.creditwindow.digest.DigestSchedule;
import cn.creditwindow.digest.Digests;
import cn.creditwindow.digest.UnsubscribeTokens;
import cn.creditwindow.enrolment.EligibleLists;
import cn.creditwindow.enrolment.EnrolmentPdfs;
import cn.creditwindow.enrolment.Enrolments;
import cn.creditwindow.enrolment.Insurer;
import cn.creditwindow.financing.Financing;
import cn.creditwindow.financing.Products;
import cn.creditwindow.home.Dashboard;
import cn.creditwindow.inquiries.Inquiries;
import cn.creditwindow.losses.LossCodes;
import cn.creditwindow.losses.LossReports;
import cn.creditwindow.losses.Obligations;
import cn.creditwindow.mail.SmtpMailer;
import cn.creditwindow.managers.AccountManagers;
import cn.creditwindow.managers.ServiceLines;
import cn.creditwindow.messageboard.BoardMessages;
import cn.creditwindow.notify.MailDispatcher;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.pdf.PdfRenderer;
import cn.creditwindow.reference.Regions;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.store.Blobs;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Leases;
import cn.creditwindow.subscriptions.Matching;
import cn.creditwindow.subscriptions.Subscriptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The window's domain components, built with {@code new} in one place, in the order they depend on each other, and
 * without anything of the web: {@link App} puts the handlers and the server on top of them, the demo world and the
 * tests reach them here.
 */
record Domains(Database db, Passwords passwords, Sessions sessions, Accounts accounts, ApiTokens apiTokens,
               SchemeCatalogue schemes, Buyers buyers, MailDispatcher mailDispatcher, Outbox outbox, Insurer insurer,
               Enrolments enrolments, EligibleLists eligibleLists, EnrolmentPdfs enrolmentPdfs,
               Seals seals, Agreements agreements, DataAuthorisations dataAuthorisations, AuthorisedData authorisedData,
               AgreementPdf agreementPdf, Watches watches, Alerts alerts, CreditAlarm alarm,
               CreditPrices creditPrices, CreditQuotas creditQuotas, CreditQuotes creditQuotes,
               CreditOrders creditOrders, ReportPdf reportPdf,
               Customs customs, ShipmentReport shipmentReport, HolidayCalendar holidayCalendar, Claims claims,
               ClaimShipments claimShipments, ClaimReview claimReview,
               ClaimAttachments claimAttachments, LossReports lossReports,
               ServiceLines serviceLines, AccountManagers accountManagers, Financing financing, Dashboard dashboard,
               Regions regions, Inquiries inquiries, BoardMessages boardMessages,
               ArticleQueries queries, Matching matching, Subscriptions subscriptions, UnsubscribeTokens unsubscribeTokens,
               DigestRun digestRun, DigestSchedule digestSchedule, Digests digests) {
    /** The name under which a feed token given in the environment is registered. */
    static final String ENV_FEED_TOKEN = "feed-push-env";

    /**
     * @param json      the application's JSON mapper
     * @param publicUrl the service's address for links in e-mails and feeds (known once the server listens)
     * @param leases    this node's leases on once-only work, shared with the other nodes through the database
     */
    static Domains wire(Config config, Clock clock, RiskInformation core, Database db, ObjectMapper json,
                        Supplier<String> publicUrl, Leases leases) throws IOException {
        Passwords passwords = new Passwords(config.passwordCost());
        Accounts accounts = new Accounts(db, passwords, clock);
        Sessions sessions = new Sessions(db, clock);
        ApiTokens apiTokens = new ApiTokens(db, clock);
        if (config.feedToken() != null) {
            apiTokens.register(ENV_FEED_TOKEN, Set.of(ApiTokens.FEEDS_PUSH), config.feedToken());
        }
        SchemeCatalogue schemes = new SchemeCatalogue(db, Schemes.load(), clock);
        Buyers buyers = new Buyers(db, core.countries, clock);
        // Notices go through the outbox; with an SMTP server the dispatcher sends its e-mails after commit, without
        // one they are recorded as SKIPPED. Every node's dispatcher sends, each the e-mails it has claimed.
        MailDispatcher mailDispatcher = config.smtp() == null ? null : new MailDispatcher(db,
                new SmtpMailer(config.smtp(), clock), clock, MailDispatcher.Schedule.DEFAULT, leases);
        Outbox outbox = mailDispatcher == null ? new Outbox(db, clock) : new Outbox(db, clock, mailDispatcher);
        // Enrolment (小微投保). The insurer's institution code is a placeholder until the insurer gives the real one.
        Insurer insurer = new Insurer("中国出口信用保险公司", "China Export & Credit Insurance Corporation", "CW-INS-0001");
        Enrolments enrolments = new Enrolments(db, schemes, outbox, clock, config.zone(), insurer, new SecureRandom());
        EligibleLists eligibleLists = new EligibleLists(db, schemes, outbox, clock, config.zone());
        // one PDF renderer (the font is loaded once) for every document
        PdfRenderer pdfRenderer = PdfRenderer.withDefaultFont(clock);
        EnrolmentPdfs enrolmentPdfs = new EnrolmentPdfs(pdfRenderer, insurer, config.zone());
        // The service agreement (签约管理)
        Seals seals = new Seals(db, clock, config.zone());
        Agreements agreements = new Agreements(db, seals, clock);
        DataAuthorisations dataAuthorisations = new DataAuthorisations(db, clock, config.zone());
        AuthorisedData authorisedData = new AuthorisedData(db, clock);
        AgreementPdf agreementPdf = new AgreementPdf(agreements, pdfRenderer, config.zone());
        // The credit alarm (资信报警器): watch lists, the inbox, and the alarm the feed ingester tells of every new or
        // updated article (files, the folder watcher and posted feeds alike); credit reports call alarm.onReportRisk
        // when they mark risk events. What to do about a buyer with open shipments is read from losses' obligations.
        WatchedNames watchedNames = new WatchedNames(db);
        Watches watches = new Watches(db, clock);
        Obligations obligations = new Obligations(db, schemes, clock, config.zone());
        Alerts alerts = new Alerts(db, obligations, clock);
        CreditAlarm alarm = new CreditAlarm(db, outbox, watchedNames, obligations, clock);
        core.ingester.onStored(alarm::onArticles);
        // Credit services (资信服务): a delivered report's risk events alert the buyer's watchers.
        ReportTypes reportTypes = ReportTypes.load();
        CreditPrices creditPrices = new CreditPrices(db, reportTypes, clock);
        CreditQuotas creditQuotas = new CreditQuotas(db, schemes, reportTypes, json, clock, config.zone());
        CreditQuotes creditQuotes = new CreditQuotes(db, reportTypes, core.countries, creditQuotas);
        CreditOrders creditOrders = new CreditOrders(db, reportTypes, creditQuotes, outbox, alarm::onReportRisk, clock,
                config.zone(), json);
        ReportPdf reportPdf = new ReportPdf(pdfRenderer, config.zone());
        // Customs declarations (报关单): the data, the check and the shipment data report (claims use both)
        Customs customs = new Customs(db, core.countries, clock, config.zone());
        ShipmentReport shipmentReport = new ShipmentReport(customs, pdfRenderer);
        // Claims (索赔服务): the coded lists are a data file under claims/. The shipments are checked against customs
        // (a number customs does not hold as the claimant's own export declaration, or one another claim took,
        // refuses the submission). The working-day calendar (节假日安排): the release's official schedules and the years
        // administrators load; a loaded year recounts the deadlines that run through it. The attachments' content is
        // kept in the database (store.Blobs), received first into attachments/incoming/ beside the database file.
        ClaimDocuments claimDocuments = new ClaimDocuments(customs, shipmentReport, config.zone());
        HolidayCalendar holidayCalendar = new HolidayCalendar(db, HolidayCalendar.bundled(), clock, config.zone());
        ClaimCodes claimCodes = ClaimCodes.load();
        ClaimShipments claimShipments = new ClaimShipments(db, claimCodes, clock, config.zone());
        Claims claims = new Claims(db, buyers, core.countries, claimCodes, holidayCalendar, claimDocuments, clock);
        ClaimReview claimReview = new ClaimReview(db, holidayCalendar, clock, config.zone());
        holidayCalendar.onLoaded(claims::recountDeadlines);
        ClaimAttachments claimAttachments = new ClaimAttachments(db,
                new AttachmentStore(AttachmentStore.besideDatabase(config.dbFile())), new Blobs(db, clock), clock);
        // Possible-loss reports (报损): the deadlines are the schemes'; a report ends as a claim drafted by claims
        LossReports lossReports = new LossReports(db, buyers, schemes, LossCodes.load(claimCodes), claims, clock,
                config.zone());
        // The window: account managers by district with the service lines (data: managers/), the financing
        // marketplace (products as data: financing/products.json; the bank's decision is sent through the outbox),
        // and the home dashboard over every journey
        ServiceLines serviceLines = ServiceLines.load();
        AccountManagers accountManagers = new AccountManagers(db, serviceLines, clock);
        Financing financing = new Financing(db, Products.load(), outbox, clock, config.zone());
        Dashboard dashboard = new Dashboard(db, enrolments, alerts::unread, financing, holidayCalendar);
        // Insurance inquiries (投保咨询) and the message board (调查问卷): addresses are checked against the bundled
        // administrative divisions (reference/regions.csv); answers and replies are told through the outbox
        Regions regions = Regions.load();
        Inquiries inquiries = new Inquiries(db, regions, outbox, clock, config.zone());
        BoardMessages boardMessages = new BoardMessages(db, regions, outbox, clock);
        // Subscriptions and monthly digests (信息订阅, 月报): matching asks the search index; the digest run records each
        // subscriber's digest with its e-mail in the outbox; the unsubscribe links are signed with a key kept in the
        // database (created on first start, or taken from the file beside the database that held it before)
        ArticleQueries queries = new ArticleQueries(core.countries, core.industries, config.zone());
        Matching matching = new Matching(core.index, core.countries, core.industries, config.zone());
        Subscriptions subscriptions = new Subscriptions(db, queries, core.countries, core.industries, clock,
                new SecureRandom());
        UnsubscribeTokens unsubscribeTokens = UnsubscribeTokens.keyIn(db, unsubscribeKeyFile(config.dbFile()),
                new SecureRandom(), clock);
        DigestMail digestMail = new DigestMail(unsubscribeTokens, publicUrl, config.zone());
        DigestRun digestRun = new DigestRun(db, subscriptions, matching, alerts, lossReports::obligationsOf,
                digestMail, outbox, json, clock, DigestRun.DEFAULT_BATCH);
        DigestSchedule digestSchedule = new DigestSchedule(digestRun, matching, leases, clock);
        Digests digests = new Digests(db, json);
        return new Domains(db, passwords, sessions, accounts, apiTokens, schemes, buyers, mailDispatcher, outbox,
                insurer, enrolments, eligibleLists, enrolmentPdfs, seals, agreements, dataAuthorisations,
                authorisedData, agreementPdf, watches, alerts, alarm, creditPrices, creditQuotas, creditQuotes, creditOrders,
                reportPdf, customs, shipmentReport, holidayCalendar, claims, claimShipments, claimReview, claimAttachments, lossReports, serviceLines, accountManagers,
                financing, dashboard, regions, inquiries, boardMessages, queries, matching, subscriptions,
                unsubscribeTokens, digestRun, digestSchedule, digests);
    }

    /** The file beside the database that held the key of the unsubscribe links before it moved into the database. */
    static Path unsubscribeKeyFile(Path dbFile) {
        return dbFile.resolveSibling(dbFile.getFileName() + ".unsubscribe-key");
    }
}
