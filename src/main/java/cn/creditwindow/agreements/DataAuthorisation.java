package cn.creditwindow.agreements;

import cn.creditwindow.store.Row;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * An enterprise's data authorisation (企业数据授权): which data types, for which months (both inclusive),
 * given by whom and when, under which agreement.
 */
public record DataAuthorisation(long id, long enterpriseId, String enterpriseName, long agreementId,
                                List<DataType> dataTypes, YearMonth periodFrom, YearMonth periodUntil,
                                long authorisedBy, String authorisedByName, Instant authorisedAt) {
    public DataAuthorisation {
        dataTypes = List.copyOf(dataTypes);
    }

    static DataAuthorisation of(Row r) throws SQLException {
        List<DataType> types = Arrays.stream(r.string("data_types").split(",")).map(DataType::valueOf).toList();
        return new DataAuthorisation(r.longValue("id"), r.longValue("enterprise_id"), r.string("enterprise_name"),
                r.longValue("agreement_id"), types, YearMonth.parse(r.string("period_from")),
                YearMonth.parse(r.string("period_until")), r.longValue("authorised_by"), r.string("authorised_by_name"),
                r.instant("authorised_at"));
    }
}
