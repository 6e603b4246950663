package cn.creditwindow.buyers;

import static cn.creditwindow.validation.Text.blankToNull;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.store.Changes;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotAllowedException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The buyer directory's table: adding buyers (with a new code, and a flag when one looks like an existing
 * buyer) and finding them as a principal may see them. The insurer's entries are visible to everyone signed
 * in; a buyer an enterprise added, to that enterprise and to those who may see its records ({@link Tenancy}).
 */
public final class Buyers {
    private static final int MAX_QUERY = 200;

    private final Database db;
    private final Countries countries;
    private final Clock clock;
    /**
     * The changes of the directory (#17): every buyer added takes the next number, kept on its row
     * ({@code change_no}), so that the index of every node catches up with the buyers added through any.
     */
    static final Changes CHANGES = Changes.of("buyers");

    /** The search index, loaded here and kept in step with the table by {@link #catchUp} (see {@link BuyerIndex}). */
    private final BuyerIndex index = new BuyerIndex();
    /** The change number the index holds every buyer up to; written only under {@link #catchingUp}. */
    private volatile long seen;
    private final Object catchingUp = new Object();

    /** The name of a country's code counter, before its ISO alpha-2 code (see {@link Tx#nextValue}). */
    private static final String CODE_COUNTER = "buyer_code:";

    /** Opens the directory, loading its search index from the table. */
    public Buyers(Database db, Countries countries, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.clock = Objects.requireNonNull(clock, "clock");
        catchUp();
    }

    /**
     * Brings the search index up to the directory's generation ({@link Changes}): one primary-key read, and when
     * buyers were added since the last look (through this node or another), a read of those buyers only, by their
     * change numbers. The generation is read before the rows, so the index never claims more than it holds.
     */
    private void catchUp() {
        long generation = CHANGES.generation(db);
        if (generation <= seen) {
            return;
        }
        synchronized (catchingUp) {
            long from = seen;
            if (generation <= from) {
                return; // another search caught up meanwhile
            }
            long[] last = {generation};
            db.read(tx -> tx.list("SELECT * FROM buyers WHERE change_no > ? ORDER BY change_no", r -> {
                last[0] = Math.max(last[0], r.longValue("change_no"));
                return buyer(r);
            }, from)).forEach(index::put);
            seen = last[0];
        }
    }

    /** What a new buyer needs: an English name and a country (code or name); the rest is optional. */
    public record NewBuyer(String nameEn, String nameZh, String country, String address, String registrationNo) {
    }

    /**
     * Adds a buyer: as the insurer's entry when added by insurer staff, else as the enterprise's. A buyer that
     * looks like an existing one (same country and folded name, or same registration number) is still added,
     * flagged with {@link Buyer#possibleDuplicateOf()}.
     */
    public Buyer add(Principal who, NewBuyer b) {
        Country country = validate(b);
        Long enterpriseId = who.role().isEnterpriseUser() ? who.enterpriseId() : null;
        String key = BuyerNames.key(b.nameEn());
        return db.inTransaction(tx -> insert(tx, who, enterpriseId, country, key, b, null));
    }

    /**
     * Adds a buyer checked with {@link #checkWithin} inside the caller's transaction (a claim that names a new buyer
     * saves both or neither), as {@link #add(Principal, NewBuyer)} does; searches find it once the caller's
     * transaction has committed. The directory's change counter ({@link #CHANGES}) and the country's code counter
     * ({@link #nextCode}) stay locked until the caller's transaction ends: keep the rest of it short.
     */
    public Buyer add(Tx tx, Principal who, Country country, NewBuyer b) {
        Long enterpriseId = who.role().isEnterpriseUser() ? who.enterpriseId() : null;
        return insert(tx, who, enterpriseId, country, BuyerNames.key(b.nameEn()), b, null);
    }

    /**
     * {@link #add(Tx, Principal, Country, NewBuyer)} as the entry of {@code enterpriseId}, whoever adds it: an account
     * manager reporting for an enterprise of the portfolio adds the buyer the enterprise would have added.
     */
    public Buyer addFor(Tx tx, Principal who, long enterpriseId, Country country, NewBuyer b) {
        return insert(tx, who, enterpriseId, country, BuyerNames.key(b.nameEn()), b, null);
    }

    private Buyer insert(Tx tx, Principal who, Long enterpriseId, Country country, String key, NewBuyer b,
                         String givenCode) {
        // first: buyers are added one at a time across nodes, each compared with every buyer added before it, and
        // the change counter is taken before the country's code counter, always in this order
        long change = CHANGES.record(tx);
        String registration = blankToNull(b.registrationNo());
        Optional<Long> duplicate = tx.one("SELECT id FROM buyers WHERE country_code = ? AND (name_key = ?"
                        + " OR (registration_no IS NOT NULL AND registration_no = ?)) ORDER BY id",
                r -> r.longValue("id"), country.alpha2(), key, registration);
        String code;
        if (givenCode != null) {
            // the country's next codes follow the imported one (#17)
            tx.advanceCounter(CODE_COUNTER + country.alpha2(), Long.parseLong(givenCode.substring(2)));
            code = givenCode;
        } else {
            code = nextCode(tx, country.alpha2());
        }
        long id = tx.insert("INSERT INTO buyers (code, name_en, name_zh, name_key, country_code, address,"
                        + " registration_no, source, added_by_enterprise_id, added_by_user_id, possible_duplicate_of,"
                        + " created_at, change_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                code, b.nameEn().strip(), blankToNull(b.nameZh()), key, country.alpha2(), blankToNull(b.address()),
                registration, enterpriseId == null ? "INSURER" : "ENTERPRISE", enterpriseId,
                who.role() == Role.SYSTEM ? null : who.userId(), duplicate.orElse(null),
                clock.instant(), change);
        return byId(tx, id).orElseThrow();
    }

    /**
     * The next code of a country: its counter ({@link Tx#nextValue}), which imported codes move up as well, so the
     * new code is above every code of the country (imported codes may leave gaps). Codes are the country and 7 digits.
     * The counter, not MAX()+1 (#17): two transactions adding buyers of one country at once would read the same
     * highest code on PostgreSQL; with the counter the second waits for the first to commit.
     */
    static String nextCode(Tx tx, String alpha2) {
        return alpha2 + String.format("%07d", tx.nextValue(CODE_COUNTER + alpha2));
    }

    private Country validate(NewBuyer b) {
        List<FieldError> errors = new ArrayList<>();
        Country country = check(b, 0, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return country;
    }

    /**
     * Checks a new buyer given as a part of another form (a claim's {@code newBuyer}), adding a message per bad field
     * to {@code errors}, each named {@code prefix + field} ({@code newBuyer.country}).
     *
     * @return the country, or null when a field was bad
     */
    public Country checkWithin(String prefix, NewBuyer b, List<FieldError> errors) {
        List<FieldError> own = new ArrayList<>();
        Country country = check(b, 0, own);
        own.forEach(e -> errors.add(new FieldError(prefix + e.field(), e.zh(), e.en())));
        return country;
    }

    /**
     * Checks a new buyer's fields, adding a message per bad one to {@code errors}; for line {@code line} of a CSV
     * file (0: not from a file) the field is {@code line 3: country} and the messages name the line.
     *
     * @return the country, or null when a field was bad
     */
    Country check(NewBuyer b, int line, List<FieldError> errors) {
        int before = errors.size();
        List<FieldError> own = new ArrayList<>();
        String name = b.nameEn() == null ? "" : b.nameEn().strip();
        if (name.isEmpty() || name.length() > 200 || BuyerNames.words(name).isEmpty()) {
            errors.add(new FieldError("nameEn", "请填写买方英文名称（不超过 200 字符）",
                    "the buyer's English name is required (at most 200 characters)"));
        } else if (!name.chars().allMatch(c -> c < 0x2E80)) {
            errors.add(new FieldError("nameEn", "英文名称中不应有中文字符，中文名称请填在 nameZh",
                    "the English name must not contain Chinese characters; put a Chinese name in nameZh"));
        }
        Country country = b.country() == null ? null : countries.find(b.country()).orElse(null);
        if (country == null) {
            errors.add(new FieldError("country", "未知的国家或地区“" + (b.country() == null ? "" : b.country()) + "”",
                    "unknown country '" + (b.country() == null ? "" : b.country()) + "'"));
        } else if (country.alpha2().equals("CN")) {
            errors.add(new FieldError("country", "买方应为境外企业", "the buyer must be outside mainland China"));
        }
        if (b.address() != null && b.address().length() > 300) {
            errors.add(new FieldError("address", "地址不超过 300 字符", "the address has at most 300 characters"));
        }
        if (b.registrationNo() != null && b.registrationNo().length() > 60) {
            errors.add(new FieldError("registrationNo", "注册号不超过 60 字符", "the registration number has at most 60 characters"));
        }
        if (b.nameZh() != null && b.nameZh().length() > 100) {
            errors.add(new FieldError("nameZh", "中文名称不超过 100 字", "the Chinese name has at most 100 characters"));
        }
        for (FieldError e : errors.subList(before, errors.size())) {
            own.add(line == 0 ? e : new FieldError("line " + line + ": " + BuyerCsv.column(e.field()),
                    "第 " + line + " 行：" + e.zh(), "line " + line + ": " + e.en()));
        }
        errors.subList(before, errors.size()).clear();
        errors.addAll(own);
        return errors.size() == before ? country : null;
    }

    // ---- search ----

    /**
     * A search of the directory as asked: name words (English or Chinese), country (code or name), page (from 1) and
     * size (see {@link PageRequest}).
     */
    public record Query(String q, String country, String page, String size) {
        /** A search of the first pages' size. */
        public Query(String q, String country, String page) {
            this(q, country, page, null);
        }
    }

    /** A buyer found, and how: {@code EXACT} (its name is the query), {@code ALL_WORDS} or {@code FUZZY}. */
    public record Hit(Buyer buyer, String match) {
    }

    /** One page of a search: the total of matches the principal may see, and this page's buyers, best first. */
    public record SearchResult(String q, String country, long total, int page, int size, List<Hit> items) {
    }

    /**
     * Searches the buyers the principal may see by name (see {@link BuyerIndex} for the tolerance and the order)
     * and country; bad conditions are refused field by field (invalid input).
     */
    public SearchResult search(Principal who, Query query) {
        List<FieldError> errors = new ArrayList<>();
        String q = query.q() == null ? "" : query.q().strip();
        if (q.length() > MAX_QUERY) {
            errors.add(new FieldError("q", "查询词不超过 200 字符", "the query has at most 200 characters"));
        }
        String rawCountry = query.country() == null ? "" : query.country().strip();
        Country country = rawCountry.isEmpty() ? null : countries.find(rawCountry).orElse(null);
        if (!rawCountry.isEmpty() && country == null) {
            errors.add(new FieldError("country", "未知的国家或地区“" + rawCountry + "”", "unknown country '" + rawCountry + "'"));
        }
        PageRequest page = PageRequest.parse(query.page(), query.size(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        catchUp();
        java.util.function.Predicate<Long> ownerVisible = ownerVisibility(who);
        String code = country == null ? null : country.alpha2();
        List<BuyerIndex.Found> found = index.search(q, e -> (code == null || code.equals(e.country()))
                && (e.owner() == null || ownerVisible.test(e.owner())));
        List<BuyerIndex.Found> slice = page.slice(found).items();
        List<Hit> hits = slice.isEmpty() ? List.of() : db.read(tx -> {
            // the table has the last word on who may see what; the index only narrowed the search
            VisibleFilter f = visibleFilter(who, "b");
            String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            List<Object> args = new ArrayList<>();
            slice.forEach(x -> args.add(x.entry().id()));
            args.addAll(List.of(f.args()));
            java.util.Map<Long, Buyer> rows = new java.util.HashMap<>();
            tx.list("SELECT b.* FROM buyers b WHERE b.id IN (" + marks + ") AND " + f.sql(), Buyers::buyer,
                    args.toArray()).forEach(b -> rows.put(b.id(), b));
            return slice.stream().filter(x -> rows.containsKey(x.entry().id()))
                    .map(x -> new Hit(rows.get(x.entry().id()), x.match().name())).toList();
        });
        return new SearchResult(q, code, found.size(), page.page(), page.size(), hits);
    }

    /** Which adding enterprises' buyers the principal may see (the insurer's entries everyone signed in may). */
    private java.util.function.Predicate<Long> ownerVisibility(Principal who) {
        return switch (who.role()) {
            case LEGAL_REPRESENTATIVE, OPERATOR -> owner -> owner.equals(who.enterpriseId());
            case REVIEWER, ADMIN -> owner -> true;
            case SYSTEM -> owner -> false;
            case ACCOUNT_MANAGER -> {
                Tenancy.Filter f = Tenancy.filter(who, "e.id");
                java.util.Set<Long> ids = new java.util.HashSet<>(db.read(tx -> tx.list("SELECT e.id FROM enterprises e"
                        + " WHERE " + f.sql(), r -> r.longValue("id"), f.args())));
                yield ids::contains;
            }
        };
    }

    // ---- the insurer's directory, imported ----

    /** What an import did: how many buyers were added, and which of them look like buyers already there. */
    public record ImportResult(int imported, List<String> codes, List<String> possibleDuplicates) {
    }

    /**
     * Imports the insurer's directory from CSV ({@link BuyerCsv}): every row is checked, its code against the
     * directory too, and every bad one reported at once (invalid input); then all rows are added in the same
     * transaction, as the insurer's entries, or none. Only the insurer's staff may import (not allowed for others,
     * whatever the route says).
     */
    public ImportResult importCsv(Principal who, byte[] content) {
        if (!who.is(Role.REVIEWER) && !who.is(Role.ADMIN)) {
            throw new NotAllowedException("only the insurer's staff import the buyer directory",
                    "只有保险公司工作人员可以导入买方名录");
        }
        List<BuyerCsv.Line> lines = BuyerCsv.parse(content);
        List<Buyer> added = db.inTransaction(tx -> {
            List<FieldError> errors = new ArrayList<>();
            List<Country> countriesOf = new ArrayList<>();
            java.util.Set<String> codesInFile = new java.util.HashSet<>();
            for (BuyerCsv.Line l : lines) {
                Country c = check(l.buyer(), l.number(), errors);
                countriesOf.add(c);
                if (l.code() != null) {
                    codeProblem(tx, l, c, codesInFile).ifPresent(errors::add); // with the row's other fields
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            List<Buyer> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                BuyerCsv.Line l = lines.get(i);
                out.add(insert(tx, who, null, countriesOf.get(i), BuyerNames.key(l.buyer().nameEn()), l.buyer(), l.code()));
            }
            return out;
        });
        return new ImportResult(added.size(), added.stream().map(Buyer::code).toList(),
                added.stream().filter(b -> b.possibleDuplicateOf() != null).map(Buyer::code).toList());
    }

    /** What is wrong with a line's buyer code (its shape, a second use in the file, a code already taken), if any. */
    private static Optional<FieldError> codeProblem(Tx tx, BuyerCsv.Line l, Country c, java.util.Set<String> codesInFile) {
        String at = "line " + l.number() + ": code";
        if (!l.code().matches("[A-Z]{2}\\d{7}") || c != null && !l.code().startsWith(c.alpha2())) {
            return Optional.of(new FieldError(at, "第 " + l.number() + " 行：买方代码“" + l.code()
                    + "”应为国家代码加 7 位数字（如 AE0000012），且与国家一致", "line " + l.number() + ": buyer code '"
                    + l.code() + "' must be the country's code and 7 digits (e.g. AE0000012)"));
        }
        if (!codesInFile.add(l.code())) {
            return Optional.of(new FieldError(at, "第 " + l.number() + " 行：买方代码“" + l.code() + "”在文件中重复",
                    "line " + l.number() + ": buyer code '" + l.code() + "' appears twice in the file"));
        }
        if (tx.number("SELECT COUNT(*) FROM buyers WHERE code = ?", l.code()) > 0) {
            return Optional.of(new FieldError(at, "第 " + l.number() + " 行：买方代码“" + l.code() + "”已存在",
                    "line " + l.number() + ": buyer code '" + l.code() + "' exists already"));
        }
        return Optional.empty();
    }

    /**
     * The buyers an order for {@code enterpriseId} may name (the credit services' buyer picker): the insurer's
     * entries and that enterprise's own (with {@code enterpriseId} null, all the principal may see), whose code is
     * {@code q} or whose folded English name or Chinese name contains it; at most 20, by folded name.
     */
    public List<Buyer> findForOrder(Principal who, Long enterpriseId, String q) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty() || text.length() > MAX_QUERY) {
            return List.of();
        }
        String key = "%" + BuyerNames.key(text).replace("%", "").replace("_", "") + "%";
        String code = text.toUpperCase(java.util.Locale.ROOT);
        VisibleFilter f = visibleFilter(who, "b");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        String sql = "SELECT b.id FROM buyers b WHERE " + f.sql() + " AND (b.name_key LIKE ? OR b.code = ? OR b.name_zh LIKE ?)";
        args.add(key);
        args.add(code);
        args.add("%" + text.replace("%", "").replace("_", "") + "%");
        if (enterpriseId != null) {
            sql += " AND (b.added_by_enterprise_id IS NULL OR b.added_by_enterprise_id = ?)";
            args.add(enterpriseId);
        }
        String query = sql + " ORDER BY b.name_key LIMIT 20";
        return db.read(tx -> tx.list(query, r -> r.longValue("id"), args.toArray()).stream()
                .map(id -> byId(tx, id).orElseThrow()).toList());
    }

    /** The buyer, if the principal may see it; else 404. */
    public Buyer find(Principal who, long id) {
        return db.read(tx -> find(tx, who, id));
    }

    /** {@link #find(Principal, long)} inside a transaction. */
    public static Buyer find(Tx tx, Principal who, long id) {
        return visible(tx, who, id)
                .orElseThrow(() -> new NotFoundException("buyer " + id + " not found", "买方 " + id + " 不存在"));
    }

    /**
     * The buyer, if the principal may see it: for a buyer named inside a form, which is a field of that form to
     * refuse ({@link #noSuchBuyer}) rather than a 404.
     */
    public static Optional<Buyer> visible(Tx tx, Principal who, long id) {
        VisibleFilter f = visibleFilter(who, "b");
        return tx.one("SELECT b.* FROM buyers b WHERE b.id = ? AND " + f.sql(), Buyers::buyer, prepend(id, f.args()));
    }

    /**
     * The error for a form's buyer id that names no buyer the principal may see: the same words whether it does not
     * exist or is another enterprise's own entry, so that a form does not tell which.
     */
    public static FieldError noSuchBuyer(String field, long id) {
        return new FieldError(field, "没有编号为 " + id + " 的买方，请从买方目录中选择或新建买方",
                "no such buyer: " + id + " (choose one from the directory or add a new one)");
    }

    /** The existing buyer {@code b} was flagged as looking like, if any and if the principal may see it. */
    public Optional<Buyer> duplicateOf(Principal who, Buyer b) {
        if (b.possibleDuplicateOf() == null) {
            return Optional.empty();
        }
        VisibleFilter f = visibleFilter(who, "b");
        return db.read(tx -> tx.one("SELECT b.* FROM buyers b WHERE b.id = ? AND " + f.sql(), Buyers::buyer,
                prepend(b.possibleDuplicateOf(), f.args())));
    }

    /** The buyer with this id, whoever may see it (for code that already checked). */
    public static Optional<Buyer> byId(Tx tx, long id) {
        return tx.one("SELECT * FROM buyers WHERE id = ?", Buyers::buyer, id);
    }

    /** A SQL condition on the buyers table (alias {@code alias}) keeping the buyers the principal may see. */
    public static VisibleFilter visibleFilter(Principal who, String alias) {
        Tenancy.Filter own = Tenancy.filter(who, alias + ".added_by_enterprise_id");
        return new VisibleFilter("(" + alias + ".added_by_enterprise_id IS NULL OR " + own.sql() + ")", own.args());
    }

    /** A condition with its parameters. */
    public record VisibleFilter(String sql, Object... args) {
    }

    static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static Buyer buyer(Row r) throws SQLException {
        return new Buyer(r.longValue("id"), r.string("code"), r.string("name_en"), r.string("name_zh"),
                r.string("country_code"), r.string("address"), r.string("registration_no"),
                r.nullableLong("added_by_enterprise_id"), r.nullableLong("possible_duplicate_of"), r.instant("created_at"));
    }
}
