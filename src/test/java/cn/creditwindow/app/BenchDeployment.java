package cn.creditwindow.app;

import cn.creditwindow.Fixtures;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Uscc;
import cn.creditwindow.agreements.Agreement;
import cn.creditwindow.agreements.Agreements;
import cn.creditwindow.agreements.DataAuthorisations;
import cn.creditwindow.agreements.Seal;
import cn.creditwindow.agreements.Seals;
import cn.creditwindow.config.Config;
import cn.creditwindow.customs.CustomsBatch;
import cn.creditwindow.store.TestPostgres;
import cn.creditwindow.validation.Input;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One deployment of the nodes benchmark ({@code cn.creditwindow.bench.NodesBench}, #17): one or two app nodes on
 * loopback ports sharing one store (a SQLite file, or a database of the test PostgreSQL), each with its own embedded
 * index filled from the test feeds, and a world to load them with: the demo world, and {@code enterprises} more
 * Shenzhen enterprises, each with a signed and countersigned agreement, an effective sponsored policy of
 * {@code shenzhen-2023} (3 free credit reports, charged ones after) and a legal representative who signs in with
 * {@link #PASSWORD}. The nodes run in this JVM on a clock that starts at 2024-06-17 01:00 UTC and moves in real time,
 * when that scheme's policy year is open. Public for the bench package; the rest of the app package stays closed.
 */
public final class BenchDeployment implements AutoCloseable {
    public static final String PASSWORD = DemoWorld.PASSWORD;
    /** Where the bench's policies' year stands: the last fortnight of shenzhen-2023's policy year. */
    private static final Instant START = Instant.parse("2024-06-17T01:00:00Z");
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final String name;
    private final List<App> nodes;
    private final Config.Postgres postgres;
    private final List<Long> policies = new ArrayList<>();
    private final List<String> usccs = new ArrayList<>();
    private final long buyerId;
    private long nextDeclaration = 0;

    private BenchDeployment(String name, List<App> nodes, Config.Postgres postgres, long buyerId) {
        this.name = name;
        this.nodes = nodes;
        this.postgres = postgres;
        this.buyerId = buyerId;
    }

    /** The bench's clock: 2024-06-17 01:00 UTC at the start of the run, moving in real time. */
    public static Clock clock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
    }

    /**
     * Starts {@code nodeCount} nodes on one store in {@code dir}: PostgreSQL when {@code postgres} (a fresh database of
     * the test cluster), else a SQLite file; then writes the world through the first node.
     */
    public static BenchDeployment start(String name, Path dir, boolean postgres, int nodeCount, int enterprises,
                                        Clock clock) throws IOException {
        Config.Postgres pg = postgres ? new Config.Postgres(TestPostgres.newDatabase(), TestPostgres.USER, null,
                Config.Postgres.DEFAULT_POOL_SIZE) : null;
        List<App> nodes = new ArrayList<>();
        try {
            for (int n = 0; n < nodeCount; n++) {
                Path node = dir.resolve("node" + n);
                Path feeds = Files.createDirectories(node.resolve("feeds"));
                Fixtures.copyTree(Path.of("src/test/resources/app/feeds"), feeds);
                Config config = Config.builder().host("127.0.0.1").port(0).indexDir(node.resolve("index"))
                        .feedsDir(feeds).watchFeeds(false).feedToken("bench-feed-token-0123456789abcdef")
                        .dbFile(dir.resolve("data/credit-window.db")).passwordCost(4).postgres(pg).build();
                nodes.add(new App(config, clock).start());
            }
            App first = nodes.get(0);
            DemoWorld.create(first);
            long gulf = first.database().read(tx -> tx.number("SELECT id FROM buyers WHERE name_en = ?",
                    "Gulf Star General Trading LLC"));
            BenchDeployment d = new BenchDeployment(name, List.copyOf(nodes), pg, gulf);
            d.enterprises(enterprises);
            return d;
        } catch (IOException | RuntimeException e) {
            closeAll(nodes);
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** The port of the PostgreSQL server holding the records, or -1 on SQLite. */
    public int postgresPort() {
        if (postgres == null) {
            return -1;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(postgres.url());
        return m.find() ? Integer.parseInt(m.group(1)) : 5432;
    }

    /** The nodes' base URLs, {@code http://127.0.0.1:port}. */
    public List<String> bases() {
        return nodes.stream().map(a -> "http://127.0.0.1:" + a.port()).toList();
    }

    /** The user name of the legal representative of bench enterprise {@code i}. */
    public static String legal(int i) {
        return String.format(Locale.ROOT, "bench-legal-%03d", i);
    }

    public int enterprises() {
        return policies.size();
    }

    /** The effective policy of bench enterprise {@code i}. */
    public long policy(int i) {
        return policies.get(i);
    }

    /** The insurer's buyer the orders and claims name (Gulf Star, of the demo world). */
    public long buyer() {
        return buyerId;
    }

    /** The export date of the bench's customs declarations (the policies' first day of cover). */
    public static String shipped() {
        return "2023-07-01";
    }

    /**
     * {@code count} new export declarations of bench enterprise {@code i}, held by customs as the enterprise's own
     * (imported as the customs systems push them), that no claim has taken: their numbers.
     */
    public List<String> declarations(int i, int count) {
        Principal reviewer = DemoWorld.principal(nodes.get(0).domains().accounts().userByName("reviewer").orElseThrow());
        List<String> numbers = new ArrayList<>();
        for (int from = 0; from < count; from += 500) {
            List<CustomsBatch.NewDeclaration> batch = new ArrayList<>();
            for (int n = from; n < Math.min(count, from + 500); n++) {
                String number = String.format(Locale.ROOT, "530120230%09d", ++nextDeclaration);
                numbers.add(number);
                batch.add(new CustomsBatch.NewDeclaration(number, usccs.get(i), null, "AE", shipped(), "5301", "2",
                        List.of(new CustomsBatch.NewGoods("8517120000", "智能手机", "2000", "台", "220.00", "440000.00",
                                "USD"))));
            }
            nodes.get(0).domains().customs().importBatch(reviewer, new CustomsBatch(batch, List.of(), List.of()));
        }
        return numbers;
    }

    /** Rows in a table of the store (what the run wrote). */
    public long rows(String table) {
        return nodes.get(0).database().read(tx -> tx.number("SELECT COUNT(*) FROM " + table));
    }

    private void enterprises(int count) {
        App app = nodes.get(0);
        Accounts accounts = app.domains().accounts();
        Principal reviewer = DemoWorld.principal(accounts.userByName("reviewer").orElseThrow());
        long admin = accounts.userByName("admin").orElseThrow().id();
        long list = app.database().inTransaction(tx -> tx.insert("INSERT INTO eligible_lists (scheme_id, file_name,"
                + " state, publish_start, publish_end, imported_by, imported_at) VALUES ('shenzhen-2023', 'bench.csv',"
                + " 'CONFIRMED', '2023-06-01', '2023-06-10', ?, '2023-06-01T00:00:00.000Z')", admin));
        for (int i = 0; i < count; i++) {
            String uscc = uscc(i);
            Enterprise e = accounts.createEnterprise(new Accounts.NewEnterprise(uscc, "深圳市基准测试贸易" + i + "有限公司",
                    "Bench Trading " + i + " Co., Ltd.", null));
            Principal legal = DemoWorld.principal(accounts.createUser(new Accounts.NewUser(legal(i), PASSWORD,
                    "基准法人" + i, Role.LEGAL_REPRESENTATIVE, e.id(), String.format(Locale.ROOT, "139%08d", i),
                    legal(i) + "@bench.example")));
            Seals seals = app.domains().seals();
            Seal seal = seals.create(legal, new Seals.NewSeal("COMPANY", legal.displayName(), seals.today().toString(),
                    seals.today().plusYears(2).toString()));
            Agreement a = app.domains().agreements().sign(legal, Input.of(new Agreements.SignRequest(seal.id(), true)));
            app.domains().agreements().countersign(reviewer, a.id());
            app.domains().dataAuthorisations().authorise(legal, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
            // the policy as enrolment leaves it once effective (the enrolment walk itself is not what is measured)
            String number = String.format(Locale.ROOT, "XW2023-BENCH-%03d", i);
            policies.add(app.database().inTransaction(tx -> tx.insert("INSERT INTO policies (enterprise_id, scheme_id,"
                    + " list_id, state, receipt, insured_cents, enterprise_part_cents, per_buyer_limit_cents,"
                    + " indemnity_ratio, year_start, year_end, policy_number, issued_on, cover_start, cover_end, pushed_at)"
                    + " VALUES (?, 'shenzhen-2023', ?, 'EFFECTIVE', 'RECEIVED', 300000000, 0, 15000000, '0.80',"
                    + " '2023-07-01', '2024-06-30', ?, '2023-07-01', '2023-07-01', '2024-06-30',"
                    + " '2023-06-15T00:00:00.000Z')", e.id(), list, number)));
            usccs.add(uscc);
        }
    }

    /** A valid USCC of a Shenzhen (罗湖 440303) company for bench enterprise {@code i}. */
    private static String uscc(int i) {
        String body = String.format(Locale.ROOT, "91440303B%08d", i);
        for (char c : USCC_ALPHABET.toCharArray()) {
            if (Uscc.isValid(body + c)) {
                return body + c;
            }
        }
        throw new IllegalStateException("no check character for " + body);
    }

    @Override
    public void close() throws IOException {
        closeAll(nodes);
    }

    private static void closeAll(List<App> nodes) throws IOException {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }
}
