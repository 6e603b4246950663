package cn.creditwindow.digest;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.validation.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The digest archive: the digests sent to the people of the enterprises a principal may see (an enterprise's people
 * see all of their enterprise's), newest month first. Empty digests were never sent and are not listed.
 */
public final class Digests {
    private static final String SELECT = "SELECT d.id, d.user_id, d.enterprise_id, d.month, d.articles, d.alerts,"
            + " d.sent, d.created_at, u.display_name FROM digests d JOIN users u ON u.id = d.user_id";

    private final Database db;
    private final ObjectMapper json;

    public Digests(Database db, ObjectMapper json) {
        this.db = Objects.requireNonNull(db, "db");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * A digest in the archive.
     *
     * @param sent whether its e-mail was recorded (false for a subscriber without an e-mail address)
     */
    public record Summary(long id, long userId, String subscriberName, long enterpriseId, String month, long articles,
                          long alerts, boolean sent, Instant createdAt) {
    }

    /** A digest with its content. */
    public record Entry(Summary summary, Digest digest) {
    }

    /** One page of the non-empty digests of the enterprises the principal may see, newest month first. */
    public Paged<Summary> list(Principal who, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(who, "d.enterprise_id");
        return db.read(tx -> page.select(tx, SELECT + " WHERE d.articles + d.alerts > 0 AND " + f.sql(),
                "d.month DESC, d.id DESC", Digests::summary, f.args()));
    }

    /** One digest, if the principal may see it; else 404. */
    public Entry find(Principal who, long id) {
        Tenancy.Filter f = Tenancy.filter(who, "d.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(id));
        args.addAll(List.of(f.args()));
        return db.read(tx -> tx.one(SELECT.replace("d.created_at,", "d.created_at, d.content,")
                + " WHERE d.id = ? AND d.articles + d.alerts > 0 AND " + f.sql(),
                r -> new Entry(summary(r), parse(r.string("content"))), args.toArray()))
                .orElseThrow(() -> new NotFoundException("digest " + id + " not found", "月报 " + id + " 不存在"));
    }

    private Digest parse(String content) {
        try {
            return json.readValue(content, Digest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored digest is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Summary summary(Row r) throws SQLException {
        return new Summary(r.longValue("id"), r.longValue("user_id"), r.string("display_name"),
                r.longValue("enterprise_id"), r.string("month"), r.longValue("articles"), r.longValue("alerts"),
                r.bool("sent"), r.instant("created_at"));
    }
}
