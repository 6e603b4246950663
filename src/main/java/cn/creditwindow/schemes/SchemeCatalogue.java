package cn.creditwindow.schemes;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.store.Changes;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The schemes the service knows now: the bundled files ({@link Schemes#load()}) and the schemes administrators added
 * as data ({@link #add}, table {@code added_schemes}), which need no release. Every node reads the table: a scheme
 * added records a change of the topic {@code schemes} ({@link Changes}), and {@link #current} reads the topic's
 * generation on each call (one primary-key read) and the rows again only when it moved, so a scheme added on one node
 * is seen by the next request on any other. Thread-safe.
 */
public final class SchemeCatalogue {
    /** The largest scheme an administrator may send, in bytes (a bundled entry is about 3 KB). */
    public static final int MAX_BYTES = 64 * 1024;

    /** The changes of the added schemes: a scheme added takes one, in its transaction. */
    private static final Changes CHANGES = Changes.of("schemes");

    private final Database db;
    private final Schemes bundled;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /** The schemes as of one generation of the table ({@link Changes}). */
    private record Snapshot(long generation, Schemes schemes, Map<String, Added> added) {
    }

    /** Who added a scheme, and when. */
    public record Added(String schemeId, String addedBy, Instant addedAt) {
    }

    /**
     * A scheme as the administrator's list shows it: its years, and who added it (null for a bundled one).
     */
    public record Listed(Scheme scheme, List<PolicyYear> policyYears, Added added) {
    }

    public SchemeCatalogue(Database db, Schemes bundled, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.bundled = Objects.requireNonNull(bundled, "bundled");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = new Snapshot(0, bundled, Map.of());
    }

    /** The schemes now, read in a read of its own. */
    public Schemes current() {
        return db.read(this::current);
    }

    /** The schemes now, read in {@code tx} (a caller's transaction sees its own view of the table). */
    public Schemes current(Tx tx) {
        return snapshot(tx).schemes();
    }

    /** Every scheme, sorted by id, with its years and who added it. */
    public List<Listed> list() {
        Snapshot s = db.read(this::snapshot);
        return s.schemes().all().stream().map(x -> new Listed(x, x.policyYears(), s.added().get(x.id()))).toList();
    }

    private Snapshot snapshot(Tx tx) {
        long generation = CHANGES.generation(tx);
        Snapshot s = snapshot;
        if (s.generation() >= generation) {
            return s;
        }
        Snapshot fresh = read(tx, generation);
        synchronized (this) {
            if (fresh.generation() > snapshot.generation()) {
                snapshot = fresh; // a slower reader must not put back an older one
            }
        }
        return fresh;
    }

    /** The schemes as the table has them now, which is at least {@code generation} (read before the rows). */
    private Snapshot read(Tx tx, long generation) {
        List<Scheme> added = new ArrayList<>();
        Map<String, Added> who = new TreeMap<>();
        for (Stored row : tx.list("SELECT a.scheme_id, a.json, a.added_at, u.display_name, u.username"
                + " FROM added_schemes a JOIN users u ON u.id = a.added_by ORDER BY a.id", r -> new Stored(
                r.string("json"), new Added(r.string("scheme_id"), r.string("display_name") + " (" + r.string("username")
                        + ")", r.instant("added_at"))))) {
            added.add(read("added scheme " + row.added().schemeId(), row.json().getBytes(StandardCharsets.UTF_8)));
            who.put(row.added().schemeId(), row.added());
        }
        return new Snapshot(generation, bundled.with(added), Map.copyOf(who));
    }

    private record Stored(String json, Added added) {
    }

    /**
     * Adds a scheme an administrator sends: one scheme object in the format of the bundled files, checked as they are
     * and against every scheme known (no id used twice, no overlapping years and bands in a region), then stored as
     * sent. Nothing is saved when anything is wrong.
     *
     * @param json the scheme, UTF-8 JSON, or null when none was sent
     * @return the scheme added
     * @throws NotAllowedException unless the principal is an administrator
     * @throws ConflictException   when the same id was added at the same moment
     * @throws InvalidInputException   naming the field (its path in the object, {@code eligibility.exportsAtMost}) and
     *                                 the rule it breaks, or the scheme it clashes with, in Chinese and English
     */
    public Scheme add(Principal admin, byte[] json) {
        if (!admin.is(Role.ADMIN)) {
            throw new NotAllowedException("only administrators add schemes", "只有管理员可以添加统保方案");
        }
        if (json == null || json.length == 0 || new String(json, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidInputException("scheme", "请粘贴或上传一个统保方案（JSON 对象，格式同方案数据文件中的一项）",
                    "send one scheme: a JSON object in the format of an entry of a scheme file");
        }
        if (json.length > MAX_BYTES) {
            throw new InvalidInputException("scheme", "方案数据过大（" + json.length + " 字节），上限 " + MAX_BYTES + " 字节",
                    "the scheme is " + json.length + " bytes; at most " + MAX_BYTES + " are accepted");
        }
        String text = utf8(json);
        Scheme scheme = checked(() -> read("scheme", json));
        try {
            return db.inTransaction(tx -> {
                // the change first: adds wait for one another across nodes, and each is checked against the schemes
                // every add before it committed (read here, not from the snapshot, which this node may not have yet)
                long change = CHANGES.record(tx);
                checked(() -> read(tx, change - 1).schemes().with(List.of(scheme)));
                tx.insert("INSERT INTO added_schemes (scheme_id, json, added_by, added_at) VALUES (?, ?, ?, ?)",
                        scheme.id(), text, admin.userId(), clock.instant());
                return scheme;
            });
        } catch (ConstraintViolationException e) {
            if (e.names("ux_added_schemes_scheme") || e.names("added_schemes.scheme_id")) {
                throw new ConflictException("scheme " + scheme.id() + " was added by someone else at the same"
                        + " time", "统保方案 " + scheme.id() + " 已由他人同时添加");
            }
            throw e;
        }
    }

    private static Scheme read(String where, byte[] json) {
        try {
            return SchemeJson.readOne(where, new ByteArrayInputStream(json));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + where, e);
        }
    }

    /** The result of {@code work}, or a invalid input naming the field of the scheme rule it breaks. */
    private static <T> T checked(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SchemeDataException e) {
            String field = e.field().isEmpty() ? "scheme" : e.field();
            throw new InvalidInputException(field, "统保方案数据有误（字段 " + field + "）：" + e.rule(),
                    field + ": " + e.rule());
        }
    }

    private static String utf8(byte[] json) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("scheme", "方案数据应为 UTF-8 编码的 JSON", "the scheme must be UTF-8 JSON");
        }
    }
}
