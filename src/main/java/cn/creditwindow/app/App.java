package cn.creditwindow.app;

import cn.creditwindow.accounts.AccountHandlers;
import cn.creditwindow.accounts.SessionCookies;
import cn.creditwindow.accounts.SignIn;
import cn.creditwindow.agreements.AgreementHandlers;
import cn.creditwindow.agreements.AgreementPages;
import cn.creditwindow.agreements.StatisticsChart;
import cn.creditwindow.alarm.AlarmHandlers;
import cn.creditwindow.alarm.AlarmPages;
import cn.creditwindow.answers.SubmissionHandlers;
import cn.creditwindow.answers.SubmissionPages;
import cn.creditwindow.articles.ArticleHandlers;
import cn.creditwindow.articles.ArticlePages;
import cn.creditwindow.buyers.BuyerHandlers;
import cn.creditwindow.buyers.BuyerPages;
import cn.creditwindow.calendar.CalendarHandlers;
import cn.creditwindow.calendar.CalendarPages;
import cn.creditwindow.claims.AttachmentHandlers;
import cn.creditwindow.claims.AttachmentPages;
import cn.creditwindow.claims.ClaimHandlers;
import cn.creditwindow.claims.ClaimPages;
import cn.creditwindow.config.Config;
import cn.creditwindow.credit.CreditHandlers;
import cn.creditwindow.credit.CreditPages;
import cn.creditwindow.customs.CustomsHandlers;
import cn.creditwindow.customs.CustomsPages;
import cn.creditwindow.digest.DigestHandlers;
import cn.creditwindow.digest.DigestPages;
import cn.creditwindow.digest.Unsubscriptions;
import cn.creditwindow.enrolment.EnrolmentHandlers;
import cn.creditwindow.enrolment.EnrolmentPages;
import cn.creditwindow.feeds.FeedHandlers;
import cn.creditwindow.feeds.FeedWatcher;
import cn.creditwindow.feeds.FolderScan;
import cn.creditwindow.feeds.IngestReport;
import cn.creditwindow.financing.FinancingHandlers;
import cn.creditwindow.financing.FinancingPages;
import cn.creditwindow.home.DashboardHandlers;
import cn.creditwindow.home.HomePages;
import cn.creditwindow.losses.LossHandlers;
import cn.creditwindow.losses.LossPages;
import cn.creditwindow.managers.ManagerHandlers;
import cn.creditwindow.notify.MailDispatcher;
import cn.creditwindow.reference.ReferenceHandlers;
import cn.creditwindow.reference.RegionHandlers;
import cn.creditwindow.schemes.SchemeHandlers;
import cn.creditwindow.schemes.SchemePages;
import cn.creditwindow.server.Authentication;
import cn.creditwindow.server.ComingSoonPages;
import cn.creditwindow.server.Metrics;
import cn.creditwindow.server.Routes;
import cn.creditwindow.server.SystemHandlers;
import cn.creditwindow.server.WebServer;
import cn.creditwindow.service.ServicePages;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.SearchUnavailableException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Leases;
import cn.creditwindow.subscriptions.AtomFeeds;
import cn.creditwindow.subscriptions.SubscriptionHandlers;
import cn.creditwindow.subscriptions.SubscriptionPages;
import cn.creditwindow.web.Json;
import cn.creditwindow.web.JsonBodies;
import cn.creditwindow.web.Pages;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application: the domain components ({@link Domains}) with the web on top of them (the handlers and pages of
 * every domain, and the server), built with {@code new} in one place; owns their lifecycle. Start with
 * {@link #start()}, stop with {@link #close()}.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Clock clock;
    private final RiskInformation core;
    private final Database db;
    private final Leases leases;
    private final Domains domains;
    private final Metrics metrics;
    private final Javalin javalin;
    private FeedWatcher watcher;

    public App(Config config, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.db = openDatabase(config);
        try {
            this.core = new RiskInformation(config, db, clock);
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
        this.metrics = new Metrics(core.index::count);
        ObjectMapper json = Json.mapper();
        // leases expire in real time, whatever the service's clock says (the demo's clock stands still)
        this.leases = new Leases(db, Clock.systemUTC(), Leases.uniqueHolder(), config.leaseTime());
        this.domains = Domains.wire(config, clock, core, db, json, this::publicUrl, leases);
        Pages pages = new Pages(config.zone(), Authentication::viewer);
        SessionCookies cookies = new SessionCookies(config.secureCookies());
        Authentication authentication = new Authentication(domains.sessions(), domains.apiTokens(), cookies,
                config.publicUrl());
        this.javalin = WebServer.create(json, metrics, config.maxFeedBytes(), pages, authentication,
                handlers(domains, pages, json, new JsonBodies(json), cookies));
    }

    /** The records' database: the settings' PostgreSQL database, or else the SQLite file. */
    static Database openDatabase(Config config) {
        Config.Postgres pg = config.postgres();
        return pg == null ? Database.openFile(config.dbFile())
                : Database.open(pg.url(), pg.user(), pg.password(), pg.poolSize());
    }

    /** Each domain's handlers (the API) and pages, over the domain components. */
    private Routes.Handlers handlers(Domains d, Pages pages, ObjectMapper json, JsonBodies bodies,
                                     SessionCookies cookies) {
        SubscriptionHandlers subscriptionHandlers = new SubscriptionHandlers(d.subscriptions(), d.matching(),
                new AtomFeeds(d.matching()), core.countries, core.industries, bodies, this::publicUrl, clock);
        return new Routes.Handlers(
                new ArticleHandlers(core.index, d.queries(), core.withdrawals, bodies, core.ingester::localFile),
                new FeedHandlers(core.ingester, config.maxFeedBytes(), metrics::recordIngest),
                new ReferenceHandlers(core.countries, core.industries),
                new SystemHandlers(metrics, core.index::count),
                new HomePages(core.index, pages, d.dashboard(), d.accountManagers(), d.lossReports()),
                new ArticlePages(core.index, d.queries(), core.withdrawals, core.countries, core.industries, pages),
                new ComingSoonPages(pages),
                new AccountHandlers(d.accounts(), new SignIn(db, d.passwords(), clock), d.sessions(), d.apiTokens(), db,
                        cookies, bodies, pages),
                new SchemeHandlers(d.schemes(), json, clock, config.zone()),
                new AgreementHandlers(d.seals(), d.agreements(), d.dataAuthorisations(), d.authorisedData(),
                        d.agreementPdf(), bodies),
                new AgreementPages(d.seals(), d.agreements(), d.dataAuthorisations(), d.authorisedData(), pages,
                        new StatisticsChart(), clock),
                new EnrolmentHandlers(d.enrolments(), d.eligibleLists(), d.enrolmentPdfs(), d.outbox(), bodies),
                new EnrolmentPages(d.enrolments(), d.eligibleLists(), d.outbox(), pages, d.accountManagers()),
                new BuyerHandlers(d.buyers(), bodies),
                new BuyerPages(d.buyers(), core.countries, d.watches()::states, pages),
                new AlarmHandlers(d.watches(), d.alerts(), bodies), new AlarmPages(d.watches(), d.alerts(), pages),
                new CreditHandlers(d.creditOrders(), d.creditQuotes(), d.creditQuotas(), d.creditPrices(),
                        d.reportPdf(), bodies),
                new CreditPages(d.creditOrders(), d.creditQuotes(), d.creditQuotas(), d.buyers(), core.countries,
                        pages),
                new CustomsHandlers(d.customs(), d.shipmentReport(), db, bodies),
                new ClaimHandlers(d.claims(), d.claimShipments(), d.claimReview(), bodies),
                new ClaimPages(d.claims(), d.claimShipments(), d.claimReview(), d.claimAttachments(), pages,
                        d.accountManagers()),
                new FinancingHandlers(d.financing(), bodies), new FinancingPages(d.financing(), pages),
                new ServicePages(pages, d.serviceLines()), new ManagerHandlers(d.accountManagers(), bodies),
                new DashboardHandlers(d.dashboard()),
                new RegionHandlers(d.regions()), new SubmissionHandlers<>(d.inquiries(), "/api/inquiries", bodies),
                new SubmissionPages<>(d.inquiries(), "/enrolment/inquiries", "inquiries", d.regions(), d.insurer(),
                        pages),
                new SubmissionHandlers<>(d.boardMessages(), "/api/message-board", bodies),
                new SubmissionPages<>(d.boardMessages(), "/message-board", "messageboard", d.regions(), d.insurer(),
                        pages),
                new AttachmentHandlers(d.claimAttachments()), new AttachmentPages(d.claimAttachments()),
                new CustomsPages(d.customs(), pages),
                subscriptionHandlers, new SubscriptionPages(d.subscriptions(), d.matching(), core.countries,
                        core.industries, pages, subscriptionHandlers, clock),
                new DigestHandlers(d.digests()), new DigestPages(d.digests(), new Unsubscriptions(
                        d.unsubscribeTokens(), d.subscriptions()), pages),
                new CalendarHandlers(d.holidayCalendar()), new CalendarPages(d.holidayCalendar(), pages),
                new SchemePages(d.schemes(), pages, clock, config.zone()),
                new LossHandlers(d.lossReports(), bodies), new LossPages(d.lossReports(), pages));
    }

    /**
     * Moves claim attachments still kept as files beside the database (before #17) into it, counts again the
     * provisional claim deadlines (a release may bundle the year they lacked), ingests new and
     * changed feed files, starts watching the feeds folder and delivering e-mail, then serves HTTP; the monthly digest
     * is looked at a minute later, then every 15 minutes.
     */
    public App start() throws IOException {
        int imported = domains.claimAttachments().importOldFiles();
        if (imported > 0) {
            log.info("claims: {} attachment files moved from the attachments folder into the database", imported);
        }
        int recounted = domains.claims().recountProvisionalDeadlines();
        if (recounted > 0) {
            log.info("claims: {} provisional decision deadlines counted again in the holiday schedules now held",
                    recounted);
        }
        FolderScan folderScan = config.solr() == null ? FolderScan.ownIndex(core.ingester)
                : FolderScan.sharedIndex(core.ingester, leases);
        try {
            Optional<IngestReport> scanned = folderScan.run();
            if (scanned.isEmpty()) {
                log.info("feeds: another node is reading the feed folder into the search cluster now");
            }
            scanned.ifPresent(this::logStartScan);
        } catch (SearchUnavailableException e) {
            // the search cluster is down: serve what needs no search (search answers 503), read the feeds later
            log.warn("feeds not read at start, the search cluster did not answer ({}); the watcher's rescans try"
                    + " again", e.getMessage());
        }
        if (config.watchFeeds()) {
            watcher = new FeedWatcher(folderScan, config.feedsDir(), Duration.ofMillis(500), config.rescanInterval(),
                    this::logScan);
            watcher.start();
        }
        MailDispatcher mail = domains.mailDispatcher();
        if (mail != null) {
            mail.start();
            log.info("mail: e-mail notices go through SMTP server {}:{} as {}", config.smtp().host(), config.smtp().port(),
                    config.smtp().from());
        } else {
            log.info("mail: no SMTP server configured (--smtp-host): e-mail notices are recorded, not sent");
        }
        javalin.start(config.host(), config.port());
        domains.digestSchedule().start(Duration.ofMinutes(1), Duration.ofMinutes(15));
        return this;
    }

    private void logStartScan(IngestReport report) {
        metrics.recordIngest(report);
        log.info("feeds: {} files ({} unchanged, {} failed), items {} new, {} updated, {} unchanged, {} rejected,"
                + " {} withdrawn", report.files(), report.filesUnchanged(), report.failedFiles().size(),
                report.itemsNew(), report.itemsUpdated(), report.itemsUnchanged(), report.rejectedItems().size(),
                report.itemsWithdrawn());
        report.failedFiles().forEach(f -> log.warn("feed file {} not read: {}", f.file(), f.reason()));
        report.rejectedItems().forEach(r -> log.warn("feed item {}#{} '{}' left out: {}", r.file(), r.position(),
                r.item(), r.reason()));
    }

    private void logScan(IngestReport report) {
        metrics.recordIngest(report);
        log.info("feeds changed: {} files read, items {} new, {} updated, {} rejected, {} withdrawn, {} files failed",
                report.files() - report.filesUnchanged(), report.itemsNew(), report.itemsUpdated(),
                report.rejectedItems().size(), report.itemsWithdrawn(), report.failedFiles().size());
        report.failedFiles().forEach(f -> log.warn("feed file {} not read: {}", f.file(), f.reason()));
    }

    /** The port the server listens on (useful when started with port 0). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() throws IOException {
        domains.digestSchedule().close();
        javalin.stop();
        if (watcher != null) {
            watcher.close();
        }
        if (domains.mailDispatcher() != null) {
            domains.mailDispatcher().close();
        }
        leases.close();
        core.close();
        db.close();
    }

    /** The domain components, for the demo world, the command line and tests. */
    Domains domains() {
        return domains;
    }

    /** The article index the service searches (embedded or a cluster's), for tests that fill it directly. */
    ArticleIndex articles() {
        return core.index;
    }

    /** The store, for the demo world and tests. */
    Database database() {
        return db;
    }

    Clock clock() {
        return clock;
    }

    /** The service's address for links in e-mails and feeds: the configured one, else this server's. */
    String publicUrl() {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "localhost" : config.host();
        return "http://" + host + ":" + (config.port() != 0 ? config.port() : javalin.port());
    }
}
