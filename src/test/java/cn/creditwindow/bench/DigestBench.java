package cn.creditwindow.bench;

import cn.creditwindow.alarm.Alerts;
import cn.creditwindow.losses.Obligations;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.search.Article;
import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.config.Config;
import cn.creditwindow.digest.DigestMail;
import cn.creditwindow.digest.DigestRun;
import cn.creditwindow.digest.UnsubscribeTokens;
import cn.creditwindow.mail.MailException;
import cn.creditwindow.mail.MailMessage;
import cn.creditwindow.mail.SmtpMailer;
import cn.creditwindow.notify.MailDispatcher;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Leases;
import cn.creditwindow.subscriptions.Matched;
import cn.creditwindow.subscriptions.Matching;
import cn.creditwindow.subscriptions.Subscription;
import cn.creditwindow.subscriptions.Subscriptions;
import cn.creditwindow.web.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;

/**
 * The monthly digest benchmark: {@code subscribers} enterprise users (Shenzhen's target of 22,000 enrolled
 * enterprises) with varied subscriptions (countries, keywords, industries, modules, and combinations; one in three
 * has two) over a month of {@code articles} articles made from the real headlines, digested, recorded and sent to a
 * local SMTP sink. Measured in one run: matching with one index query per subscription; the digest run (matching
 * once per distinct conditions, building, recording with the outbox); the outbox's delivery; and as the baseline
 * the same number of the same messages, pre-built, pushed straight through {@link SmtpMailer} to the same sink.
 * Wall time and peak heap of each phase. Run with {@code mvn -Pbench -DskipTests verify -Dbench.args="digest"}
 * (options: {@code --data}, {@code --work}, {@code --subscribers}, {@code --articles}).
 */
final class DigestBench {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final List<String> KEYWORDS = List.of("关税", "出口", "汇率", "光伏", "美国", "芯片", "制裁", "港口",
            "航运", "贸易", "原油", "电池", "欧盟", "投资", "风险", "银行", "日本", "汽车", "疫情", "价格", "股市", "房地产",
            "新能源", "钢铁", "纺织", "手机", "央行", "债券", "物流", "农业");
    private static final List<String> INDUSTRIES = List.of("photovoltaics", "new-energy", "electronic-info",
            "home-electronics", "medical-devices", "lithium-batteries", "17", "C", "energy-storage", "new-energy-vehicles");
    private static final List<String> MODULES = List.of("country-alert", "industry-alert", "belt-and-road", "trade-news");

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        Path work = Path.of("target/bench-digest");
        int subscribers = 22_000;
        int articles = 10_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "digest" -> { }
                case "--data" -> data = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--subscribers" -> subscribers = Integer.parseInt(args[++i].replace("_", ""));
                case "--articles" -> articles = Integer.parseInt(args[++i].replace("_", ""));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; DigestBench digest [--data ../shared/data] [--work target/bench-digest]"
                        + " [--subscribers 22000] [--articles 10000]");
            }
        }
        empty(work);
        new DigestBench().run(data, work, subscribers, articles);
    }

    private void run(Path data, Path work, int subscriberCount, int articleCount) throws Exception {
        Countries countries = Countries.load();
        Industries industries = Industries.load();
        Corpus corpus = new Corpus(Corpus.readTitles(data.resolve("headlines-zh/all_titles.txt")),
                new Gazetteer(countries, industries));
        Clock clock = Clock.fixed(Instant.parse("2026-11-01T01:00:00Z"), ZoneOffset.UTC);
        Map<String, String> results = new LinkedHashMap<>();
        results.put("machine", Machine.describe().toString());
        long t0 = System.nanoTime();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(FSDirectory.open(work.resolve("index")),
                industries::withAncestors, 0);
             Database db = Database.openFile(work.resolve("digest.db"));
             SmtpSink sink = new SmtpSink()) {
            index.upsert(month(corpus, articleCount));
            System.out.printf("%,d articles in %s indexed in %.1f s%n", articleCount, MONTH, secs(t0));
            t0 = System.nanoTime();
            subscribe(db, subscriberCount);
            System.out.printf("%,d subscribers with %,d subscriptions in %.1f s%n", subscriberCount,
                    db.read(tx -> tx.number("SELECT COUNT(*) FROM subscriptions")), secs(t0));

            Config.Smtp smtp = new Config.Smtp("127.0.0.1", sink.port(), "出口信用单一窗口 <noreply@bench.example>",
                    null, null, false);
            SmtpMailer mailer = new SmtpMailer(smtp, clock);
            Leases leases = new Leases(db, Clock.systemUTC(), Leases.uniqueHolder(), Duration.ofMinutes(2));
            MailDispatcher dispatcher = new MailDispatcher(db, mailer, clock, MailDispatcher.Schedule.DEFAULT, leases);
            Outbox outbox = new Outbox(db, clock, dispatcher);
            Matching matching = new Matching(index, countries, industries, Config.CHINA);
            Subscriptions subscriptions = new Subscriptions(db, new ArticleQueries(countries, industries, Config.CHINA),
                    countries, industries, clock, new SecureRandom());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            DigestMail mail = new DigestMail(new UnsubscribeTokens(key), () -> "https://window.example.cn", Config.CHINA);
            DigestRun run = new DigestRun(db, subscriptions, matching, new Alerts(db,
                    new Obligations(db, new cn.creditwindow.schemes.SchemeCatalogue(db, Schemes.load(), clock), clock, Config.CHINA), clock),
                    enterprise -> List.of() /* the bench holds no loss data */, mail, outbox, Json.mapper(), clock, DigestRun.DEFAULT_BATCH);

            // 1. one index query per subscription, no grouping
            List<Subscription> all = subscriptions.active(matching.start(MONTH.plusMonths(1)));
            gcAndResetPeaks();
            t0 = System.nanoTime();
            long matched = 0;
            for (Subscription s : all) {
                matched += matching.month(s, MONTH).total();
            }
            double perSubscription = secs(t0);
            results.put("match, one index query per subscription", String.format("%,d subscriptions, %.1f s (%.2f ms each),"
                    + " peak heap %s", all.size(), perSubscription, perSubscription * 1000 / all.size(), peakHeap()));
            // the grouped matcher gives the same answers
            Matching.Cached cached = matching.cached();
            int disagree = 0;
            for (Subscription s : all) {
                Matched a = cached.month(s, MONTH);
                Matched b = matching.month(s, MONTH);
                disagree += a.equals(b) ? 0 : 1;
            }
            results.put("grouped vs per-subscription answers", String.format("%,d distinct conditions; %d of %,d differ",
                    cached.queries(), disagree, all.size()));

            // 2. the run: match (grouped), build, record each subscriber with its e-mail in the outbox
            gcAndResetPeaks();
            t0 = System.nanoTime();
            DigestRun.Report report = run.run(MONTH, DigestRun.Listener.NONE);
            double runSeconds = secs(t0);
            results.put("digest run (match grouped, build, record + outbox)", String.format("%.1f s, peak heap %s;"
                            + " %,d subscribers, %,d e-mails, %,d empty, %,d index queries", runSeconds, peakHeap(),
                    report.subscribers(), report.sent(), report.empty(), report.indexQueries()));

            // 3. baseline: the same messages, pre-built, pushed straight through the mailer (100 per connection)
            List<MailMessage> prebuilt = db.read(tx -> tx.list("SELECT o.id, o.address, o.subject, o.body, o.html,"
                    + " o.headers FROM outbox o ORDER BY o.id", r -> new MailMessage(r.string("address"),
                    r.string("subject"), r.string("body"), r.string("html"), headers(r.string("headers")),
                    "<bench-" + r.longValue("id") + "@bench.example>")));
            gcAndResetPeaks();
            t0 = System.nanoTime();
            push(mailer, prebuilt);
            double baseline = secs(t0);
            long baselineMessages = sink.messages();
            results.put("baseline: pre-built messages straight through SmtpMailer", String.format("%,d messages,"
                    + " %.1f s, peak heap %s (holding the messages)", baselineMessages, baseline, peakHeap()));
            prebuilt = null;

            // 4. the outbox's delivery, as the dispatcher does it after the run's commits
            gcAndResetPeaks();
            t0 = System.nanoTime();
            MailDispatcher.Report sent = dispatcher.deliverDue();
            double delivery = secs(t0);
            results.put("delivery from the outbox (MailDispatcher)", String.format("%,d sent, %d failed, %.1f s,"
                    + " peak heap %s; the sink got %,d MB", sent.sent(), sent.failed(), delivery, peakHeap(),
                    (sink.bytes() / 2) / 1_000_000));
            results.put("digest total (run + delivery)", String.format("%.1f s; %.2f× the baseline push", runSeconds
                    + delivery, (runSeconds + delivery) / baseline));
            if (sink.messages() - baselineMessages != report.sent()) {
                throw new IllegalStateException("the sink got " + (sink.messages() - baselineMessages)
                        + " digests, the run recorded " + report.sent());
            }

            // 5. as serve runs it: the dispatcher's thread delivers while the run records (the outbox wakes it after
            // each commit); timed from the run's start to the sink's last digest. The month is run again from scratch.
            db.inTransaction(tx -> {
                tx.update("DELETE FROM digests");
                tx.update("DELETE FROM digest_runs");
                tx.update("DELETE FROM mail_deliveries");
                tx.update("DELETE FROM outbox");
                return null;
            });
            long before = sink.messages();
            gcAndResetPeaks();
            t0 = System.nanoTime();
            dispatcher.start();
            DigestRun.Report again = run.run(MONTH, DigestRun.Listener.NONE);
            double recorded = secs(t0);
            while (sink.messages() - before < again.sent()) {
                Thread.sleep(5);
            }
            double together = secs(t0);
            dispatcher.close();
            results.put("**as serve runs it: the run with the dispatcher delivering alongside**", String.format(
                    "**%.1f s from the start to the last digest at the sink (run done at %.1f s); %.2f× the baseline"
                            + " push**; peak heap %s; %,d e-mails", together, recorded, together / baseline, peakHeap(),
                    again.sent()));
            long db2 = Files.size(work.resolve("digest.db"));
            results.put("database after the run", String.format("%,d MB (digests as JSON and the outbox)", db2 / 1_000_000));
        }
        StringBuilder md = new StringBuilder("| measure | result |\n|---|---|\n");
        results.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Files.writeString(work.resolve("results.md"), md);
        System.out.println();
        System.out.println(md);
    }

    /** Articles 0..n-1 of the corpus, spread evenly over the month. */
    private static List<Article> month(Corpus corpus, int n) {
        Instant start = MONTH.atDay(1).atStartOfDay(Config.CHINA).toInstant();
        long span = Duration.between(start, MONTH.plusMonths(1).atDay(1).atStartOfDay(Config.CHINA).toInstant()).toSeconds();
        List<Article> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Article a = corpus.article(i);
            out.add(new Article(a.id(), a.module(), a.title(), a.bodyHtml(), start.plusSeconds(span * i / n + 1),
                    a.source(), a.url(), a.countries(), a.industries(), a.attachments()));
        }
        return out;
    }

    /** Enterprises, one legal representative each with an e-mail address, and their subscriptions, as stored. */
    private static void subscribe(Database db, int n) {
        Instant created = Instant.parse("2026-09-01T00:00:00Z");
        db.inTransaction(tx -> {
            for (int i = 1; i <= n; i++) {
                long e = tx.insert("INSERT INTO enterprises (uscc, name_zh, division_code, created_at) VALUES (?, ?, ?, ?)",
                        String.format("9144030%011d", i), "基准企业" + i, "440300", created);
                long u = tx.insert("INSERT INTO users (username, password_hash, display_name, role, enterprise_id,"
                        + " email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", "bench" + i, "-", "基准法人" + i,
                        "LEGAL_REPRESENTATIVE", e, "user" + i + "@bench.example", created);
                int subs = i % 3 == 0 ? 2 : 1;
                for (int k = 0; k < subs; k++) {
                    long h = Corpus.Mix.hash(i * 7L + k, 20_261_001L);
                    String[] c = conditions(h);
                    tx.insert("INSERT INTO subscriptions (enterprise_id, user_id, name, modules, countries, industries,"
                            + " keywords, state, feed_token_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                            + " 'ACTIVE', ?, ?, ?)", e, u, "订阅" + k, c[0], c[1], c[2], c[3], "h" + i + "-" + k, created,
                            created);
                }
            }
            return null;
        });
    }

    /** Modules, countries, industries, keywords (as stored) of a varied subscription. */
    private static String[] conditions(long h) {
        List<String> countries = Corpus.COUNTRIES;
        String country = countries.get((int) Math.floorMod(h >> 8, 30) * Math.floorMod(h >> 16, 30) / 30);
        String other = countries.get((int) Math.floorMod(h >> 24, countries.size()));
        String keyword = KEYWORDS.get((int) Math.floorMod(h >> 32, KEYWORDS.size()));
        String industry = INDUSTRIES.get((int) Math.floorMod(h >> 40, INDUSTRIES.size()));
        String module = MODULES.get((int) Math.floorMod(h >> 48, MODULES.size()));
        return switch ((int) Math.floorMod(h, 6)) {
            case 0 -> new String[]{"", country.equals(other) ? country : sorted(country, other), "", ""};
            case 1 -> new String[]{"", "", "", keyword};
            case 2 -> new String[]{"", "", industry, ""};
            case 3 -> new String[]{module, country, "", ""};
            case 4 -> new String[]{"", country, "", keyword};
            default -> new String[]{module, "", industry, ""};
        };
    }

    private static String sorted(String a, String b) {
        return a.compareTo(b) < 0 ? a + "," + b : b + "," + a;
    }

    private static void push(SmtpMailer mailer, List<MailMessage> messages) throws MailException {
        for (int from = 0; from < messages.size(); from += 100) {
            try (SmtpMailer.Connection c = mailer.connect()) {
                for (MailMessage m : messages.subList(from, Math.min(from + 100, messages.size()))) {
                    c.send(m);
                }
            }
        }
    }

    private static Map<String, String> headers(String lines) {
        Map<String, String> out = new LinkedHashMap<>();
        if (lines != null) {
            for (String line : lines.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    out.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return out;
    }

    private static void gcAndResetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static String peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return (peak / 1_000_000) + " MB";
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Empties the work folder an earlier run made (it holds a marker file); refuses any other non-empty folder. */
    private static void empty(Path work) throws IOException {
        Path marker = work.resolve(".digest-bench-work");
        if (Files.isDirectory(work)) {
            try (Stream<Path> entries = Files.list(work)) {
                if (entries.findAny().isPresent() && !Files.exists(marker)) {
                    throw new IllegalArgumentException("--work " + work + " is not empty and was not made by DigestBench");
                }
            }
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
        Files.writeString(marker, "scratch folder of cn.creditwindow.bench.DigestBench; emptied by each run\n");
    }
}
