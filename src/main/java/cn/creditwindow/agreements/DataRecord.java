package cn.creditwindow.agreements;

import cn.creditwindow.store.Row;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One month of one kind of an enterprise's trade data, as the single window shares it with the insurer.
 *
 * @param recordCount    how many records (declarations, receipts…) the month holds
 * @param amountUsdCents their total in US cents, or null for data without an amount
 * @param summary        a line describing it (e.g. the rating and its date)
 */
public record DataRecord(long id, long enterpriseId, String enterpriseName, DataType dataType, YearMonth month,
                         long recordCount, Long amountUsdCents, String summary, Instant receivedAt) {

    static DataRecord of(Row r) throws SQLException {
        return new DataRecord(r.longValue("id"), r.longValue("enterprise_id"), r.string("enterprise_name"),
                r.enumValue("data_type", DataType.class), YearMonth.parse(r.string("month")), r.longValue("record_count"),
                r.nullableLong("amount_usd_cents"), r.string("summary"), r.instant("received_at"));
    }
}
