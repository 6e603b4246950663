package cn.creditwindow.app;

import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.config.Config;
import cn.creditwindow.feeds.IngestReport;
import cn.creditwindow.mail.SmtpMailer;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.Hit;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.SearchPage;
import cn.creditwindow.search.SolrArticleIndex;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Leases;
import cn.creditwindow.validation.InvalidInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code serve}, {@code ingest}, {@code search} and {@code add-admin}. The only class
 * that reads the environment ({@code CREDIT_WINDOW_FEED_TOKEN}, a feed-push API token to register at start;
 * {@code CREDIT_WINDOW_SMTP_PASSWORD}, the SMTP login's password; {@code CREDIT_WINDOW_DB_USER} and
 * {@code CREDIT_WINDOW_DB_PASSWORD}, a PostgreSQL database's login).
 */
@Command(name = "credit-window", mixinStandardHelpOptions = true, version = "credit-window 0.1",
        description = "Export Credit Window: risk information search and services for exporters.",
        subcommands = {Main.Serve.class, Main.Ingest.class, Main.Search.class, Main.AddAdmin.class,
                Main.DigestCommand.class})
public final class Main implements Runnable {
    static final String TOKEN_ENV = "CREDIT_WINDOW_FEED_TOKEN";
    /** mail: the SMTP login's password, never on the command line (where other users' ps would show it). */
    static final String SMTP_PASSWORD_ENV = "CREDIT_WINDOW_SMTP_PASSWORD";
    /** A PostgreSQL database's login (#17), like the SMTP password never on the command line. */
    static final String DB_USER_ENV = "CREDIT_WINDOW_DB_USER";
    static final String DB_PASSWORD_ENV = "CREDIT_WINDOW_DB_PASSWORD";

    public static void main(String[] args) {
        System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Options every command shares. */
    static class Folders {
        @Option(names = "--index", defaultValue = "index", description = "Lucene index folder (default: ${DEFAULT-VALUE})")
        Path index;
    }

    /** Where articles are searched: the embedded index under {@code --index}, or a Solr collection. */
    static class SearchEngine {
        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--search", defaultValue = "${env:CREDIT_WINDOW_SEARCH:-lucene}",
                description = "lucene (the embedded index under --index) or solr (a SolrCloud collection; see"
                        + " --solr-url); environment CREDIT_WINDOW_SEARCH (default: ${DEFAULT-VALUE})")
        String engine;
        @Option(names = "--solr-url", split = ",", defaultValue = "${env:CREDIT_WINDOW_SOLR_URL}",
                description = "Solr nodes, comma-separated, e.g. http://solr1:8983/solr,http://solr2:8983/solr;"
                        + " environment CREDIT_WINDOW_SOLR_URL")
        List<URI> solrUrls;
        @Option(names = "--solr-collection", defaultValue = "${env:CREDIT_WINDOW_SOLR_COLLECTION:-credit-window}",
                description = "the collection; environment CREDIT_WINDOW_SOLR_COLLECTION (default: ${DEFAULT-VALUE})")
        String collection;
        @Option(names = "--solr-timeout-ms", defaultValue = "5000",
                description = "how long one Solr node may take to answer before the next is tried (default: ${DEFAULT-VALUE})")
        long timeoutMs;

        /** The Solr settings, or null for the embedded index; a usage error for settings that do not go together. */
        Config.Solr solr() {
            switch (engine == null ? "" : engine.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "lucene":
                    return null;
                case "solr":
                    try {
                        return new Config.Solr(solrUrls == null ? List.of() : solrUrls, collection,
                                Duration.ofMillis(timeoutMs));
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                    }
                default:
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--search is lucene or solr, not '" + engine + "'");
            }
        }
    }

    /** The index to search, beside a server that may be writing it: the embedded one read-only, or Solr's. */
    static ArticleIndex searching(Path indexDir, Config.Solr solr) throws IOException {
        return solr != null ? new SolrArticleIndex(solr.nodes(), solr.collection(), solr.timeout(),
                Industries.load()::withAncestors) : LuceneArticleIndex.openReadOnly(FSDirectory.open(indexDir), 0);
    }

    /**
     * The database options of the commands that use the records: an embedded SQLite file, or a PostgreSQL database
     * as a JDBC URL whose login comes from the environment ({@value #DB_USER_ENV}, {@value #DB_PASSWORD_ENV}).
     */
    static class DatabaseOption {
        static final Path DEFAULT_FILE = Path.of("data/credit-window.db");
        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--db", defaultValue = "data/credit-window.db", description = "the embedded database file, or"
                + " a PostgreSQL database as jdbc:postgresql://host:5432/name (login from the environment "
                + DB_USER_ENV + " and " + DB_PASSWORD_ENV + ") (default: ${DEFAULT-VALUE})")
        String db;
        @Option(names = "--db-pool-size", defaultValue = "" + Config.Postgres.DEFAULT_POOL_SIZE,
                description = "with a PostgreSQL database: the connections this process keeps open (default: ${DEFAULT-VALUE})")
        int poolSize;

        /**
         * The SQLite file; with a PostgreSQL database, the default file's place, beside which the files kept beside
         * the database still live (claim attachments, the unsubscribe key).
         */
        Path file() {
            if (db.startsWith("jdbc:sqlite:")) {
                return Path.of(db.substring("jdbc:sqlite:".length()));
            }
            return db.startsWith("jdbc:") ? DEFAULT_FILE : Path.of(db);
        }

        /** The PostgreSQL database, or null for the SQLite file; a usage error for another kind of URL. */
        Config.Postgres postgres() {
            if (!db.startsWith("jdbc:") || db.startsWith("jdbc:sqlite:")) {
                return null;
            }
            try {
                return new Config.Postgres(db, System.getenv(DB_USER_ENV), System.getenv(DB_PASSWORD_ENV), poolSize);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--db: " + e.getMessage()
                        + " (or an embedded database file)", e);
            }
        }

        /** These options on top of {@code config}. */
        Config.Builder into(Config.Builder config) {
            return config.dbFile(file()).postgres(postgres());
        }

        /** Opens and migrates the database. */
        Database open() {
            return App.openDatabase(into(Config.builder()).build());
        }

        /** The database as a message may name it: the file, or the URL. */
        String name() {
            return postgres() == null ? file().toString() : db;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Ingest new feed files, watch feeds/ for more, and serve the pages and the API.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        Folders folders = new Folders();
        @Option(names = "--feeds", defaultValue = "feeds", description = "feed folder (default: ${DEFAULT-VALUE})")
        Path feeds;
        @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default: ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--host", defaultValue = "0.0.0.0", description = "interface to listen on (default: ${DEFAULT-VALUE})")
        String host;
        @Option(names = "--no-watch", description = "do not watch the feed folder for changes")
        boolean noWatch;
        @Option(names = "--rescan-seconds", defaultValue = "60", description = "full rescan of feeds/ every N seconds (default: ${DEFAULT-VALUE})")
        int rescanSeconds;
        @Option(names = "--cache-size", defaultValue = "2000", description = "search results to cache (default: ${DEFAULT-VALUE})")
        long cacheSize;
        @Option(names = "--max-feed-mb", defaultValue = "10", description = "largest feed document accepted over HTTP, in MB (default: ${DEFAULT-VALUE})")
        int maxFeedMb;
        @CommandLine.Mixin
        DatabaseOption db = new DatabaseOption();
        @CommandLine.Mixin
        SearchEngine search = new SearchEngine();
        @Option(names = "--demo", description = "create a small fictional demo world (enterprises, staff) and print how to sign in")
        boolean demo;
        @Option(names = "--secure-cookies", description = "mark cookies Secure (when users reach the service over https)")
        boolean secureCookies;
        // the SMTP server for e-mail notices; without --smtp-host e-mails are recorded as not sent
        @CommandLine.Mixin
        SmtpOptions mail = new SmtpOptions();
        // the address users reach the service at: the links of digest e-mails and Atom feeds, and the origin that
        // browsers' state changes must come from (server.Authentication)
        @Option(names = "--public-url", description = "the service's address as users reach it, for links in e-mails"
                + " and feeds and as the origin of its pages behind a proxy, e.g. https://window.example.cn"
                + " (default: http://localhost:<port>)")
        String publicUrl;

        @Override
        public Integer call() throws Exception {
            Config config = db.into(Config.builder().host(host).port(port).indexDir(folders.index).feedsDir(feeds)
                    .watchFeeds(!noWatch).rescanInterval(Duration.ofSeconds(rescanSeconds)).cacheSize(cacheSize)
                    .maxFeedBytes(maxFeedMb * 1024L * 1024L).feedToken(System.getenv(TOKEN_ENV)))
                    .secureCookies(secureCookies).smtp(smtp()).publicUrl(publicUrl).solr(search.solr()).build();
            App app;
            try {
                // the demo runs on the real date; DemoWorld winds its clock back while it writes the world's history
                app = new App(config, demo ? new DemoClock(Clock.systemUTC()) : Clock.systemUTC());
            } catch (LockObtainFailedException e) {
                System.err.println("The index " + folders.index + " is in use by another server; stop it or use another --index.");
                return 2;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    app.close();
                } catch (Exception e) {
                    System.err.println("error while stopping: " + e);
                }
            }));
            DemoWorld world = demo ? DemoWorld.seed(app, config.zone()) : null;
            app.start();
            if (world != null) {
                world.print(System.out, app.publicUrl()); // the port is known once started (--port 0)
            }
            System.out.println("Serving on http://localhost:" + app.port() + "  (pages: /, API docs: /api-docs)");
            Thread.currentThread().join();
            return 0;
        }

        /** The SMTP settings, or null without --smtp-host. */
        Config.Smtp smtp() {
            return mail.smtp();
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Read new and changed feed files into the index once (leaving out the articles withdrawn in --db), then print a summary."
                    + " Exits non-zero only when nothing could be read.")
    static final class Ingest implements Callable<Integer> {
        @CommandLine.Mixin
        Folders folders = new Folders();
        @CommandLine.Mixin
        SearchEngine search = new SearchEngine();
        @CommandLine.Mixin
        DatabaseOption db = new DatabaseOption();
        @Option(names = "--feeds", defaultValue = "feeds", description = "feed folder (default: ${DEFAULT-VALUE})")
        Path feeds;

        @Override
        public Integer call() throws Exception {
            Config config = db.into(Config.builder().host("127.0.0.1").port(0).indexDir(folders.index).feedsDir(feeds)
                    .watchFeeds(false).cacheSize(0)).solr(search.solr()).build();
            IngestReport report;
            // the withdrawn articles are in the database, and a search cluster's feed manifest; the embedded index keeps
            // its manifest beside itself, and a database file that does not exist yet has withdrawn nothing
            try (Database records = config.postgres() == null && config.solr() == null && !Files.exists(config.dbFile())
                    ? null : App.openDatabase(config);
                 RiskInformation core = new RiskInformation(config, records, Clock.systemUTC())) {
                ProgressBar bar = new ProgressBar(System.err);
                report = core.ingester.ingestFolder(p -> bar.show(p.done(), p.total(), p.file()));
                bar.done();
            } catch (LockObtainFailedException e) {
                System.err.println("The index " + folders.index + " is in use by a running server."
                        + " Drop files into " + feeds + " (the server watches it) or POST them to /api/feeds.");
                return 2;
            }
            print(report, System.out);
            return report.nothingRead() ? 1 : 0;
        }

        static void print(IngestReport r, PrintStream out) {
            int failed = r.failedFiles().size();
            out.printf("files:  %d read, %d unchanged, %d failed%n", r.files() - r.filesUnchanged() - failed,
                    r.filesUnchanged(), failed);
            out.printf("items:  %d new, %d updated, %d unchanged, %d rejected, %d withdrawn (left out)%n", r.itemsNew(),
                    r.itemsUpdated(), r.itemsUnchanged(), r.rejectedItems().size(), r.itemsWithdrawn());
            r.failedFiles().forEach(f -> out.printf("  failed   %s: %s%n", f.file(), f.reason()));
            r.rejectedItems().forEach(i -> out.printf("  rejected %s #%d \"%s\": %s%n", i.file(), i.position(),
                    i.item(), i.reason()));
            r.warnings().forEach(w -> out.printf("  warning  %s%n", w));
            if (r.files() == 0) {
                out.println("no feed files found: put RSS, Atom or HTML files into the module folders of the feed folder");
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Search the index (also while a server runs) and print the hits, newest first.")
    static final class Search implements Callable<Integer> {
        @CommandLine.Mixin
        Folders folders = new Folders();
        @CommandLine.Mixin
        SearchEngine engine = new SearchEngine();
        @Parameters(arity = "0..*", paramLabel = "KEYWORDS", description = "keywords that must all occur in the title")
        List<String> keywords = List.of();
        @Option(names = "--country", description = "ISO code or Chinese name; comma-separated for any of several")
        String country;
        @Option(names = "--industry", description = "industry code or name; comma-separated for any of several")
        String industry;
        @Option(names = "--module", description = "country-alert, industry-alert, belt-and-road or trade-news")
        String module;
        @Option(names = "--scope", description = "title (default) or all")
        String scope;
        @Option(names = "--sort", description = "date (default) or relevance")
        String sort;
        @Option(names = "--page", defaultValue = "1")
        String page;
        @Option(names = "--size", defaultValue = "15")
        String size;

        @Override
        public Integer call() throws Exception {
            Config.Solr solr = engine.solr();
            if (solr == null && !DirectoryReader.indexExists(FSDirectory.open(folders.index))) {
                System.err.println("No index at " + folders.index + ": run 'ingest' (or 'serve') first.");
                return 2;
            }
            Map<String, String> params = new HashMap<>();
            params.put("q", String.join(" ", keywords));
            put(params, "country", country);
            put(params, "industry", industry);
            put(params, "module", module);
            put(params, "scope", scope);
            put(params, "sort", sort);
            put(params, "page", page);
            put(params, "size", size);
            params.put("facets", "false"); // the command line prints no counts
            ArticleQuery query;
            try {
                query = new ArticleQueries(Countries.load(), Industries.load(), Config.CHINA).parse(params);
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> System.err.println(f.field() + ": " + f.en() + " / " + f.zh()));
                return 2;
            }
            try (ArticleIndex index = searching(folders.index, solr)) {
                SearchPage result = index.search(query);
                System.out.printf("%d articles match; page %d:%n", result.total(), result.page());
                DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(Config.CHINA);
                for (Hit h : result.items()) {
                    System.out.printf("%s  %-14s  %s  [%s]  %s%n", day.format(h.publishedAt()), h.module().id(),
                            h.title(), String.join(",", h.countries()), h.id());
                }
            }
            return 0;
        }

        private static void put(Map<String, String> params, String key, String value) {
            if (value != null) {
                params.put(key, value);
            }
        }
    }

    @Command(name = "add-admin", mixinStandardHelpOptions = true,
            description = "Create an administrator in the database (reads the password from standard input)."
                    + " The administrator then creates enterprises, staff and API tokens over the API.")
    static final class AddAdmin implements Callable<Integer> {
        @CommandLine.Mixin
        DatabaseOption db = new DatabaseOption();
        @Option(names = "--username", required = true)
        String username;
        @Option(names = "--name", defaultValue = "系统管理员", description = "display name (default: ${DEFAULT-VALUE})")
        String name;

        @Override
        public Integer call() throws Exception {
            java.io.Console console = System.console();
            String password = console != null ? new String(console.readPassword("password: "))
                    : new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            try (Database database = db.open()) {
                cn.creditwindow.accounts.Accounts accounts = new cn.creditwindow.accounts.Accounts(database,
                        new cn.creditwindow.accounts.Passwords(Config.DEFAULT_PASSWORD_COST), Clock.systemUTC());
                accounts.createUser(new cn.creditwindow.accounts.Accounts.NewUser(username, password, name,
                        cn.creditwindow.accounts.Role.ADMIN, null, null, null));
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> System.err.println(f.field() + ": " + f.en() + " / " + f.zh()));
                return 2;
            } catch (cn.creditwindow.validation.Refusal e) {
                System.err.println(e.getMessage() + " / " + e.zh());
                return 2;
            }
            System.out.println("administrator " + username + " created in " + db.name());
            return 0;
        }
    }

    // ---- subscriptions and monthly digests (信息订阅, 月报) ----

    /** The SMTP options of {@code serve} and {@code digest} (same names, same checks). */
    static final class SmtpOptions {
        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--smtp-host", description = "SMTP server for e-mail notices (default: none, e-mails are only recorded)")
        String smtpHost;
        @Option(names = "--smtp-port", defaultValue = "587", description = "SMTP port (default: ${DEFAULT-VALUE})")
        int smtpPort;
        @Option(names = "--mail-from", description = "From of the e-mails, e.g. \"出口信用单一窗口 <noreply@example.cn>\"")
        String mailFrom;
        @Option(names = "--smtp-user", description = "SMTP login (password from the environment variable "
                + SMTP_PASSWORD_ENV + ")")
        String smtpUser;
        @Option(names = "--smtp-starttls", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "require STARTTLS before logging in and sending (default: on; --no-smtp-starttls for a local relay)")
        boolean smtpStartTls;

        /** The SMTP settings, or null without --smtp-host. */
        Config.Smtp smtp() {
            if (smtpHost == null || smtpHost.isBlank()) {
                if (mailFrom != null || smtpUser != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--mail-from and --smtp-user need --smtp-host");
                }
                return null;
            }
            if (mailFrom == null || mailFrom.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--smtp-host needs --mail-from");
            }
            try {
                Config.Smtp smtp = new Config.Smtp(smtpHost, smtpPort, mailFrom, smtpUser,
                        System.getenv(SMTP_PASSWORD_ENV), smtpStartTls);
                new SmtpMailer(smtp, Clock.systemUTC());
                return smtp;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
    }

    @Command(name = "digest", mixinStandardHelpOptions = true,
            description = "Build, record and send one month's digests to every active subscriber (exactly once:"
                    + " a run started again sends only what is missing, a second run nothing). serve runs it by itself"
                    + " on the 1st of each month for the previous month.")
    static final class DigestCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Folders folders = new Folders();
        @CommandLine.Mixin
        SearchEngine engine = new SearchEngine();
        @CommandLine.Mixin
        SmtpOptions mail = new SmtpOptions();
        @Option(names = "--month", required = true, description = "the month, yyyy-MM (e.g. 2026-10)")
        String month;
        @CommandLine.Mixin
        DatabaseOption db = new DatabaseOption();
        @Option(names = "--public-url", defaultValue = "http://localhost:7070",
                description = "the service's address for the links in the e-mails (default: ${DEFAULT-VALUE})")
        String publicUrl;
        @Option(names = "--no-send", description = "record the e-mails only; a running server's mail dispatcher sends"
                + " them (use this while serve runs with SMTP on the same database: two senders could both send one)")
        boolean noSend;

        @Override
        public Integer call() throws Exception {
            java.time.YearMonth ym;
            try {
                ym = java.time.YearMonth.parse(month);
            } catch (java.time.format.DateTimeParseException e) {
                System.err.println("--month must be yyyy-MM, e.g. 2026-10, not '" + month + "'");
                return 2;
            }
            Config.Solr solr = engine.solr();
            if (solr == null && !DirectoryReader.indexExists(FSDirectory.open(folders.index))) {
                System.err.println("No index at " + folders.index + ": run 'ingest' (or 'serve') first.");
                return 2;
            }
            Config.Smtp smtp = mail.smtp();
            String base = Config.builder().publicUrl(publicUrl).build().publicUrl();
            Clock clock = Clock.systemUTC();
            try (Database database = db.open();
                 ArticleIndex index = searching(folders.index, solr);
                 Leases leases = new Leases(database, clock, Leases.uniqueHolder(), Config.DEFAULT_LEASE_TIME)) {
                // the month's run takes the servers' lease (#17): not while a node's schedule is running it
                Optional<Leases.Lease> lease = leases.take(cn.creditwindow.digest.DigestSchedule.LEASE);
                if (lease.isEmpty()) {
                    System.err.println("A server is running a digest now (lease "
                            + cn.creditwindow.digest.DigestSchedule.LEASE + "); try again when it has finished.");
                    return 1;
                }
                Countries countries = Countries.load();
                Industries industries = Industries.load();
                cn.creditwindow.notify.MailDispatcher dispatcher = smtp == null ? null
                        : new cn.creditwindow.notify.MailDispatcher(database, new SmtpMailer(smtp, clock), clock,
                        cn.creditwindow.notify.MailDispatcher.Schedule.DEFAULT, leases);
                cn.creditwindow.notify.Outbox outbox = dispatcher == null
                        ? new cn.creditwindow.notify.Outbox(database, clock)
                        : new cn.creditwindow.notify.Outbox(database, clock, dispatcher);
                cn.creditwindow.subscriptions.Matching matching = new cn.creditwindow.subscriptions.Matching(index,
                        countries, industries, Config.CHINA);
                cn.creditwindow.subscriptions.Subscriptions subscriptions = new cn.creditwindow.subscriptions.Subscriptions(
                        database, new ArticleQueries(countries, industries, Config.CHINA), countries, industries, clock,
                        new java.security.SecureRandom());
                cn.creditwindow.digest.DigestMail digestMail = new cn.creditwindow.digest.DigestMail(
                        cn.creditwindow.digest.UnsubscribeTokens.keyIn(database, Domains.unsubscribeKeyFile(db.file()),
                                new java.security.SecureRandom(), clock), () -> base, Config.CHINA);
                cn.creditwindow.losses.Obligations obligations = new cn.creditwindow.losses.Obligations(database,
                        new cn.creditwindow.schemes.SchemeCatalogue(database, cn.creditwindow.schemes.Schemes.load(),
                                clock), clock, Config.CHINA);
                cn.creditwindow.digest.DigestRun run = new cn.creditwindow.digest.DigestRun(database, subscriptions,
                        matching, new cn.creditwindow.alarm.Alerts(database, obligations, clock), obligations::of,
                        digestMail, outbox,
                        cn.creditwindow.web.Json.mapper(), clock, cn.creditwindow.digest.DigestRun.DEFAULT_BATCH);
                cn.creditwindow.digest.DigestRun.Report r;
                try (Leases.Lease held = lease.get()) {
                    r = run.run(ym, cn.creditwindow.digest.DigestRun.Listener.NONE);
                }
                System.out.printf("digest %s: %d subscribers; %d recorded by an earlier run; now %d recorded: %d e-mails,"
                                + " %d empty (not sent), %d without an e-mail address; %d index queries; %.1f s%n", ym,
                        r.subscribers(), r.alreadyDone(), r.recorded(), r.sent(), r.empty(), r.noAddress(),
                        r.indexQueries(), r.took().toMillis() / 1000.0);
                if (dispatcher == null) {
                    System.out.println("no SMTP server (--smtp-host): the e-mails are recorded as not sent");
                } else if (noSend) {
                    System.out.println("--no-send: the e-mails wait in the outbox for the server's mail dispatcher");
                } else {
                    cn.creditwindow.notify.MailDispatcher.Report sent = dispatcher.deliverDue();
                    System.out.printf("mail: %d sent, %d to retry (the server's dispatcher retries them), %d failed%n",
                            sent.sent(), sent.retrying(), sent.failed());
                }
            }
            return 0;
        }
    }

    /** A one-line progress bar on a terminal stream. */
    static final class ProgressBar {
        private final PrintStream out;
        private boolean shown;

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        void show(int done, int total, String file) {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            out.printf("\r[%s%s] %d/%d %-40.40s", "#".repeat(filled), ".".repeat(width - filled), done, total, file);
            shown = true;
        }

        void done() {
            if (shown) {
                out.println();
            }
        }
    }
}
