package cn.creditwindow.app;

import cn.creditwindow.accounts.AccountHandlers;
import cn.creditwindow.alarm.AlarmHandlers;
import cn.creditwindow.alarm.AlarmPages;
import cn.creditwindow.alarm.Alerts;
import cn.creditwindow.alarm.CreditAlarm;
import cn.creditwindow.alarm.WatchedNames;
import cn.creditwindow.alarm.Watches;
import cn.creditwindow.buyers.BuyerHandlers;
import cn.creditwindow.buyers.BuyerPages;
import cn.creditwindow.claims.AttachmentHandlers;
import cn.creditwindow.claims.AttachmentPages;
import cn.creditwindow.claims.AttachmentStore;
import cn.creditwindow.claims.ClaimAttachments;
import cn.creditwindow.claims.ClaimCodes;
import cn.creditwindow.claims.ClaimDocuments;
import cn.creditwindow.claims.ClaimHandlers;
import cn.creditwindow.claims.ClaimPages;
import cn.creditwindow.claims.Claims;
import cn.creditwindow.losses.LossCodes;
import cn.creditwindow.losses.LossHandlers;
import cn.creditwindow.losses.LossPages;
import cn.creditwindow.losses.LossReports;
import cn.creditwindow.losses.Obligations;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.calendar.CalendarHandlers;
import cn.creditwindow.calendar.CalendarPages;
import cn.creditwindow.calendar.HolidayCalendar;
import cn.creditwindow.accounts.ApiTokens;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Sessions;
import cn.creditwindow.accounts.SignIn;
import cn.creditwindow.agreements.AgreementHandlers;
import cn.creditwindow.agreements.AgreementPages;
import cn.creditwindow.agreements.AgreementPdf;
import cn.creditwindow.agreements.Agreements;
import cn.creditwindow.agreements.AuthorisedData;
import cn.creditwindow.agreements.StatisticsChart;
import cn.creditwindow.agreements.DataAuthorisations;
import cn.creditwindow.agreements.Seals;
import cn.creditwindow.articles.ArticleHandlers;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.articles.ArticlePages;
import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.config.Config;
import cn.creditwindow.credit.CreditHandlers;
import cn.creditwindow.credit.CreditOrders;
import cn.creditwindow.credit.CreditPages;
import cn.creditwindow.credit.CreditPrices;
import cn.creditwindow.customs.Customs;
import cn.creditwindow.customs.CustomsHandlers;
import cn.creditwindow.customs.CustomsPages;
import cn.creditwindow.customs.ShipmentReport;
import cn.creditwindow.credit.ReportPdf;
import cn.creditwindow.credit.ReportTypes;
import cn.creditwindow.enrolment.EligibleLists;
import cn.creditwindow.enrolment.EnrolmentHandlers;
import cn.creditwindow.enrolment.EnrolmentPages;
import cn.creditwindow.enrolment.EnrolmentPdfs;
import cn.creditwindow.enrolment.Enrolments;
import cn.creditwindow.enrolment.Insurer;
import cn.creditwindow.feeds.FeedHandlers;
import cn.creditwindow.feeds.FeedWatcher;
import cn.creditwindow.feeds.IngestReport;
import cn.creditwindow.home.HomePages;
import cn.creditwindow.mail.SmtpMailer;
import cn.creditwindow.notify.MailDispatcher;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.pdf.PdfRenderer;
import cn.creditwindow.reference.ReferenceHandlers;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.SchemeHandlers;
import cn.creditwindow.schemes.SchemePages;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.store.Database;
import cn.creditwindow.web.Authentication;
import cn.creditwindow.web.ComingSoonPages;
import cn.creditwindow.web.Json;
import cn.creditwindow.web.JsonBodies;
import cn.creditwindow.web.Metrics;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.Routes;
import cn.creditwindow.web.SystemHandlers;
import cn.creditwindow.web.WebServer;
// the window (融资超市, 服务介绍, 客户经理, 系统首页)
import cn.creditwindow.financing.Financing;
import cn.creditwindow.financing.FinancingHandlers;
import cn.creditwindow.financing.FinancingPages;
import cn.creditwindow.financing.Products;
import cn.creditwindow.home.Dashboard;
import cn.creditwindow.home.DashboardHandlers;
import cn.creditwindow.managers.AccountManagers;
import cn.creditwindow.managers.ManagerHandlers;
import cn.creditwindow.managers.ServiceLines;
import cn.creditwindow.service.ServicePages;
import cn.creditwindow.inquiries.Inquiries;
import cn.creditwindow.inquiries.InquiryHandlers;
import cn.creditwindow.inquiries.InquiryPages;
import cn.creditwindow.messageboard.BoardMessages;
import cn.creditwindow.messageboard.MessageBoardHandlers;
import cn.creditwindow.messageboard.MessageBoardPages;
import cn.creditwindow.reference.RegionHandlers;
import cn.creditwindow.reference.Regions;
// subscriptions and monthly digests (信息订阅, 月报)
import cn.creditwindow.digest.DigestHandlers;
import cn.creditwindow.digest.DigestMail;
import cn.creditwindow.digest.DigestPages;
import cn.creditwindow.digest.DigestRun;
import cn.creditwindow.digest.DigestSchedule;
import cn.creditwindow.digest.Digests;
import cn.creditwindow.digest.UnsubscribeTokens;
import cn.creditwindow.digest.Unsubscriptions;
import cn.creditwindow.subscriptions.AtomFeeds;
import cn.creditwindow.subscriptions.Matching;
import cn.creditwindow.subscriptions.SubscriptionHandlers;
import cn.creditwindow.subscriptions.SubscriptionPages;
import cn.creditwindow.subscriptions.Subscriptions;
import io.javalin.Javalin;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application: builds every component with {@code new}, in one place, and owns their lifecycle.
 * Start with {@link #start()}, stop with {@link #close()}.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** The name under which a feed token given in the environment is registered. */
    static final String ENV_FEED_TOKEN = "feed-push-env";

    private final Config config;
    private final Clock clock;
    private final RiskInformation core;
    private final Database db;
    private final Accounts accounts;
    private final ApiTokens apiTokens;
    private final SchemeCatalogue schemes;
    private final Buyers buyers;
    private final Metrics metrics;
    private final Outbox outbox;
    private final Enrolments enrolments;
    private final EligibleLists eligibleLists;
    // the service agreement (签约管理)
    private final Seals seals;
    private final Agreements agreements;
    private final DataAuthorisations dataAuthorisations;
    private final AuthorisedData authorisedData;
    // the credit alarm (资信报警器)
    private final Watches watches;
    private final Alerts alerts;
    private final CreditAlarm alarm;
    // credit services (资信服务)
    private final CreditOrders creditOrders;
    private final CreditPrices creditPrices;
    // mail: delivers the outbox's e-mails over SMTP; null when no SMTP server is configured
    private final MailDispatcher mailDispatcher;
    // customs declarations (报关单)
    private final Customs customs;
    private final ShipmentReport shipmentReport;
    // claims (索赔服务) and the working-day calendar their decision deadlines are counted in (节假日安排)
    private final Claims claims;
    private final LossReports lossReports;
    private final HolidayCalendar holidayCalendar;
    // the window: account managers by district, the financing marketplace
    private final AccountManagers accountManagers;
    private final Financing financing;
    // administrative divisions, insurance inquiries (投保咨询) and the message board (调查问卷)
    private final Regions regions;
    private final Inquiries inquiries;
    private final BoardMessages boardMessages;
    // claim attachments (索赔附件)
    private final ClaimAttachments claimAttachments;
    // subscriptions and monthly digests (信息订阅, 月报)
    private final Subscriptions subscriptions;
    private final Matching matching;
    private final DigestRun digestRun;
    private final DigestSchedule digestSchedule;
    private final Javalin javalin;
    private FeedWatcher watcher;

    public App(Config config, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.core = new RiskInformation(config, clock);
        this.metrics = new Metrics(core.index::count);
        ArticleQueries queries = new ArticleQueries(core.countries, core.industries, config.zone());
        Pages pages = new Pages(config.zone());
        try {
            this.db = Database.openFile(config.dbFile());
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
        Passwords passwords = new Passwords(config.passwordCost());
        this.accounts = new Accounts(db, passwords, clock);
        Sessions sessions = new Sessions(db, clock);
        this.apiTokens = new ApiTokens(db, clock);
        if (config.feedToken() != null) {
            apiTokens.register(ENV_FEED_TOKEN, Set.of(ApiTokens.FEEDS_PUSH), config.feedToken());
        }
        Authentication authentication = new Authentication(sessions, apiTokens, config.secureCookies(),
                config.publicUrl());
        var json = Json.mapper();
        JsonBodies bodies = new JsonBodies(json);
        this.schemes = new SchemeCatalogue(db, Schemes.load(), clock);
        this.buyers = new Buyers(db, core.countries, clock);
        // Enrolment (小微投保): the outbox as the notifier, the lists and the five steps.
        // The insurer's institution code is a placeholder until the insurer gives the real one.
        // mail: with an SMTP server the dispatcher sends the outbox's e-mails after commit; without, they are SKIPPED
        this.mailDispatcher = config.smtp() == null ? null : new MailDispatcher(db,
                new SmtpMailer(config.smtp(), clock), clock, MailDispatcher.Schedule.DEFAULT);
        this.outbox = mailDispatcher == null ? new Outbox(db, clock) : new Outbox(db, clock, mailDispatcher);
        Insurer insurer = new Insurer("中国出口信用保险公司", "China Export & Credit Insurance Corporation", "CW-INS-0001");
        this.enrolments = new Enrolments(db, schemes, outbox, clock, config.zone(), insurer, new SecureRandom());
        this.eligibleLists = new EligibleLists(db, schemes, outbox, clock, config.zone());
        // one PDF renderer (the font is loaded once) for the enrolment's and the agreement's documents
        PdfRenderer pdfRenderer = PdfRenderer.withDefaultFont(clock);
        EnrolmentPdfs enrolmentPdfs = new EnrolmentPdfs(pdfRenderer, insurer, config.zone());
        // (end of enrolment's wiring)
        // the service agreement (签约管理)
        this.seals = new Seals(db, clock, config.zone());
        this.agreements = new Agreements(db, seals, clock);
        this.dataAuthorisations = new DataAuthorisations(db, clock, config.zone());
        this.authorisedData = new AuthorisedData(db, clock);
        AgreementPdf agreementPdf = new AgreementPdf(agreements, pdfRenderer, config.zone());
        // the credit alarm (资信报警器): watch lists, the inbox, and the alarm the feed ingester tells of every
        // new or updated article (files, the folder watcher and posted feeds alike); credit reports call
        // alarm.onReportRisk when they mark risk events
        WatchedNames watchedNames = new WatchedNames(db);
        this.watches = new Watches(db, clock, watchedNames);
        // what to do about a buyer with open shipments (报损 deadlines, #14) is read from losses' obligations
        Obligations obligations = new Obligations(db, schemes, clock, config.zone());
        this.alerts = new Alerts(db, obligations, clock);
        this.alarm = new CreditAlarm(db, outbox, watchedNames, obligations, clock);
        core.ingester.onStored(alarm::onArticles);
        // (end of the credit alarm's wiring)
        // credit services (资信服务). A delivered report's risk events alert the buyer's watchers (the credit alarm).
        ReportTypes reportTypes = ReportTypes.load();
        this.creditPrices = new CreditPrices(db, reportTypes, clock);
        this.creditOrders = new CreditOrders(db, reportTypes, core.countries, schemes, outbox,
                alarm::onReportRisk, clock, config.zone(), json);
        ReportPdf reportPdf = new ReportPdf(pdfRenderer, config.zone());
        // (end of credit services' wiring)
        // customs declarations (报关单): the data, the check and the shipment data report (claims use both)
        this.customs = new Customs(db, core.countries, clock, config.zone());
        this.shipmentReport = new ShipmentReport(customs, pdfRenderer);
        // (end of customs' wiring)
        // claims (索赔服务): the coded lists are a data file under claims/.
        // The shipments against customs: the declaration check (a number customs does not hold as the claimant's own
        // export declaration, or one another claim took, refuses the submission) and the shipment data report.
        // The working-day calendar (节假日安排): the release's official schedules (calendar/holidays.csv, converted from
        // chinese-days) and the years administrators load; a loaded year recounts the deadlines that run through it.
        ClaimDocuments claimDocuments = new ClaimDocuments(customs, shipmentReport, config.zone());
        this.holidayCalendar = new HolidayCalendar(db, HolidayCalendar.bundled(), clock, config.zone());
        this.claims = new Claims(db, buyers, core.countries, ClaimCodes.load(), holidayCalendar, claimDocuments,
                clock, config.zone());
        holidayCalendar.onLoaded(claims::recountDeadlines);
        // (end of claims' wiring)
        // possible-loss reports (报损): the deadlines are the schemes'; a report ends as a claim drafted by claims
        this.lossReports = new LossReports(db, buyers, schemes, LossCodes.load(ClaimCodes.load()), claims,
                core.countries, clock, config.zone());
        // the window: account managers by district with the service lines (data: managers/), the financing
        // marketplace (products as data: financing/products.json; the bank's decision is sent through the outbox),
        // and the home dashboard over every journey
        ServiceLines serviceLines = ServiceLines.load();
        this.accountManagers = new AccountManagers(db, serviceLines, clock);
        this.financing = new Financing(db, Products.load(), outbox, clock, config.zone());
        Dashboard dashboard = new Dashboard(db, enrolments, alerts::unread, financing, holidayCalendar);
        // (end of the window's wiring)
        // insurance inquiries (投保咨询) and the message board (调查问卷): addresses are checked against the bundled
        // administrative divisions (reference/regions.csv); answers and replies are told through the outbox
        this.regions = Regions.load();
        this.inquiries = new Inquiries(db, regions, outbox, clock, config.zone());
        this.boardMessages = new BoardMessages(db, regions, outbox, clock);
        // (end of inquiries' wiring)
        // claim attachments (索赔附件): the files beside the database file, in attachments/<claim id>/<attachment id>
        this.claimAttachments = new ClaimAttachments(db,
                new AttachmentStore(AttachmentStore.besideDatabase(config.dbFile())), clock);
        // (end of claim attachments' wiring)
        // subscriptions and monthly digests (信息订阅, 月报): matching asks the search index; the digest run records
        // each subscriber's digest with its e-mail in the outbox; the unsubscribe links are signed with a key kept in
        // a file beside the database (created on first start)
        this.matching = new Matching(core.index, core.countries, core.industries, config.zone());
        this.subscriptions = new Subscriptions(db, queries, core.countries, core.industries, clock, new SecureRandom());
        UnsubscribeTokens unsubscribeTokens = UnsubscribeTokens.keyFile(unsubscribeKeyFile(config.dbFile()),
                new SecureRandom());
        DigestMail digestMail = new DigestMail(unsubscribeTokens, this::publicUrl, config.zone());
        this.digestRun = new DigestRun(db, subscriptions, matching, alerts, lossReports::obligationsOf, digestMail, outbox,
                json, clock, DigestRun.DEFAULT_BATCH);
        this.digestSchedule = new DigestSchedule(digestRun, matching, clock);
        Digests digests = new Digests(db, json);
        SubscriptionHandlers subscriptionHandlers = new SubscriptionHandlers(subscriptions, matching,
                new AtomFeeds(matching), core.countries, core.industries, bodies, this::publicUrl, clock);
        // (end of subscriptions' wiring)
        Routes.Handlers handlers = new Routes.Handlers(
                new ArticleHandlers(core.index, queries, core.ingester::localFile),
                new FeedHandlers(core.ingester, config.maxFeedBytes(), metrics::recordIngest),
                new ReferenceHandlers(core.countries, core.industries),
                new SystemHandlers(metrics, core.index::count),
                new HomePages(core.index, pages, dashboard, accountManagers, lossReports),
                new ArticlePages(core.index, queries, core.countries, core.industries, pages),
                new ComingSoonPages(pages),
                new AccountHandlers(accounts, new SignIn(db, passwords, clock), sessions, apiTokens, db, authentication,
                        bodies, pages),
                new SchemeHandlers(schemes, json, clock, config.zone()),
                new AgreementHandlers(seals, agreements, dataAuthorisations, authorisedData, agreementPdf, bodies),
                new AgreementPages(seals, agreements, dataAuthorisations, authorisedData, pages,
                        new StatisticsChart(), clock),
                new EnrolmentHandlers(enrolments, eligibleLists, enrolmentPdfs, outbox, bodies),
                new EnrolmentPages(enrolments, eligibleLists, outbox, pages, accountManagers),
                // the buyer directory and the credit alarm (资信报警器)
                new BuyerHandlers(buyers, bodies), new BuyerPages(buyers, core.countries, watches::states, pages),
                new AlarmHandlers(watches, alerts, bodies), new AlarmPages(watches, alerts, pages),
                // credit services (资信服务)
                new CreditHandlers(creditOrders, creditPrices, reportPdf, bodies),
                new CreditPages(creditOrders, buyers, core.countries, pages),
                // customs declarations (报关单)
                new CustomsHandlers(customs, shipmentReport, db, bodies),
                // claims (索赔服务)
                new ClaimHandlers(claims, bodies), new ClaimPages(claims, claimAttachments, pages, accountManagers),
                // the window (融资超市, 服务介绍, 客户经理, 系统首页)
                new FinancingHandlers(financing, bodies), new FinancingPages(financing, pages),
                new ServicePages(pages, serviceLines), new ManagerHandlers(accountManagers, bodies),
                new DashboardHandlers(dashboard),
                // administrative divisions, insurance inquiries (投保咨询), the message board (调查问卷)
                new RegionHandlers(regions), new InquiryHandlers(inquiries, bodies),
                new InquiryPages(inquiries, regions, insurer, pages), new MessageBoardHandlers(boardMessages, bodies),
                new MessageBoardPages(boardMessages, regions, pages),
                // claim attachments (索赔附件)
                new AttachmentHandlers(claimAttachments), new AttachmentPages(claimAttachments),
                // the customs pages of the claims section
                new CustomsPages(customs, pages),
                // subscriptions and monthly digests (信息订阅, 月报)
                subscriptionHandlers, new SubscriptionPages(subscriptions, matching, core.countries, core.industries,
                        pages, subscriptionHandlers, clock),
                new DigestHandlers(digests), new DigestPages(digests, new Unsubscriptions(unsubscribeTokens,
                        subscriptions), pages),
                // the working-day calendar (节假日安排)
                new CalendarHandlers(holidayCalendar), new CalendarPages(holidayCalendar, pages),
                new SchemePages(schemes, pages, clock, config.zone()),
                // possible-loss reports (报损)
                new LossHandlers(lossReports, bodies), new LossPages(lossReports, pages));
        this.javalin = WebServer.create(json, metrics, config.maxFeedBytes(), pages, authentication, handlers);
    }

    /**
     * Counts again the provisional claim deadlines (a release may bundle the year they lacked), ingests new and
     * changed feed files, starts watching the feeds folder, then serves HTTP.
     */
    public App start() throws IOException {
        int recounted = claims.recountProvisionalDeadlines();
        if (recounted > 0) {
            log.info("claims: {} provisional decision deadlines counted again in the holiday schedules now held",
                    recounted);
        }
        IngestReport report = core.ingester.ingestFolder(p -> { });
        metrics.recordIngest(report);
        log.info("feeds: {} files ({} unchanged, {} failed), items {} new, {} updated, {} unchanged, {} rejected",
                report.files(), report.filesUnchanged(), report.failedFiles().size(), report.itemsNew(),
                report.itemsUpdated(), report.itemsUnchanged(), report.rejectedItems().size());
        report.failedFiles().forEach(f -> log.warn("feed file {} not read: {}", f.file(), f.reason()));
        report.rejectedItems().forEach(r -> log.warn("feed item {}#{} '{}' left out: {}", r.file(), r.position(),
                r.item(), r.reason()));
        if (config.watchFeeds()) {
            watcher = new FeedWatcher(core.ingester, config.feedsDir(), Duration.ofMillis(500), config.rescanInterval(),
                    this::logScan);
            watcher.start();
        }
        if (mailDispatcher != null) { // mail
            mailDispatcher.start();
            log.info("mail: e-mail notices go through SMTP server {}:{} as {}", config.smtp().host(), config.smtp().port(),
                    config.smtp().from());
        } else {
            log.info("mail: no SMTP server configured (--smtp-host): e-mail notices are recorded, not sent");
        }
        javalin.start(config.host(), config.port());
        // subscriptions: the monthly digest is due from the 1st; a first look a minute after start, then every 15
        digestSchedule.start(Duration.ofMinutes(1), Duration.ofMinutes(15));
        return this;
    }

    private void logScan(IngestReport report) {
        metrics.recordIngest(report);
        log.info("feeds changed: {} files read, items {} new, {} updated, {} rejected, {} files failed",
                report.files() - report.filesUnchanged(), report.itemsNew(), report.itemsUpdated(),
                report.rejectedItems().size(), report.failedFiles().size());
        report.failedFiles().forEach(f -> log.warn("feed file {} not read: {}", f.file(), f.reason()));
    }

    /** The port the server listens on (useful when started with port 0). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() throws IOException {
        digestSchedule.close(); // subscriptions
        javalin.stop();
        if (watcher != null) {
            watcher.close();
        }
        if (mailDispatcher != null) { // mail
            mailDispatcher.close();
        }
        core.close();
        db.close();
    }

    /** The store, for the demo world and tests. */
    Database database() {
        return db;
    }

    Accounts accounts() {
        return accounts;
    }

    Buyers buyers() {
        return buyers;
    }

    SchemeCatalogue schemes() {
        return schemes;
    }

    ApiTokens apiTokens() {
        return apiTokens;
    }

    Clock clock() {
        return clock;
    }

    EligibleLists eligibleLists() {
        return eligibleLists;
    }

    Enrolments enrolments() {
        return enrolments;
    }

    // mail, for tests
    Outbox outbox() {
        return outbox;
    }

    // the service agreement (签约管理), for the demo world and tests
    Seals seals() {
        return seals;
    }

    Agreements agreements() {
        return agreements;
    }

    DataAuthorisations dataAuthorisations() {
        return dataAuthorisations;
    }

    AuthorisedData authorisedData() {
        return authorisedData;
    }

    // the credit alarm (资信报警器), for the demo world and tests
    Watches watches() {
        return watches;
    }

    Alerts alerts() {
        return alerts;
    }

    CreditAlarm alarm() {
        return alarm;
    }

    // credit services (资信服务), for the demo world and tests
    CreditOrders creditOrders() {
        return creditOrders;
    }

    /** Claims (索赔服务), for the demo world and tests. */
    Claims claims() {
        return claims;
    }

    /** Possible-loss reports (报损), for the demo world and tests. */
    LossReports lossReports() {
        return lossReports;
    }

    /** The working-day calendar (节假日安排), for tests. */
    HolidayCalendar holidayCalendar() {
        return holidayCalendar;
    }

    /** Claim attachments (索赔附件), for tests. */
    ClaimAttachments claimAttachments() {
        return claimAttachments;
    }

    CreditPrices creditPrices() {
        return creditPrices;
    }

    // the window (融资超市, 客户经理), for the demo world and tests
    AccountManagers accountManagers() {
        return accountManagers;
    }

    Financing financing() {
        return financing;
    }

    // customs declarations (报关单), for the demo world and tests
    Customs customs() {
        return customs;
    }

    ShipmentReport shipmentReport() {
        return shipmentReport;
    }

    // insurance inquiries (投保咨询) and the message board (调查问卷), for tests
    Inquiries inquiries() {
        return inquiries;
    }

    BoardMessages boardMessages() {
        return boardMessages;
    }

    // subscriptions and monthly digests (信息订阅, 月报), for the command line and tests

    /** The service's address for links in e-mails and feeds: the configured one, else this server's. */
    String publicUrl() {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "localhost" : config.host();
        return "http://" + host + ":" + (config.port() != 0 ? config.port() : javalin.port());
    }

    /** The file beside the database that holds the key of the unsubscribe links. */
    static java.nio.file.Path unsubscribeKeyFile(java.nio.file.Path dbFile) {
        return dbFile.resolveSibling(dbFile.getFileName() + ".unsubscribe-key");
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    Matching matching() {
        return matching;
    }

    DigestRun digestRun() {
        return digestRun;
    }

    DigestSchedule digestSchedule() {
        return digestSchedule;
    }

    MailDispatcher mailDispatcher() {
        return mailDispatcher;
    }
}
