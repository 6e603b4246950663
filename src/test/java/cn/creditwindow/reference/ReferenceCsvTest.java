package cn.creditwindow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceCsvTest {
    private static final List<String> HEADER = List.of("code", "name", "aliases");

    @Test
    void quotedFieldsFollowRfc4180AsTheUploadsDo() { // #15
        List<ReferenceCsv.Row> rows = ReferenceCsv.read("t.csv", List.of("\uFEFFcode,name,aliases",
                "AE,\"United Arab Emirates, the\",阿联酋|阿拉伯联合酋长国", "", "US,\"the \"\"States\"\"\","), HEADER);
        assertThat(rows).extracting(ReferenceCsv.Row::line).containsExactly(2, 4);
        assertThat(rows.get(0).fields()).containsExactly("AE", "United Arab Emirates, the", "阿联酋|阿拉伯联合酋长国");
        assertThat(rows.get(1).fields()).containsExactly("US", "the \"States\"", "");
        assertThat(ReferenceCsv.list(rows.get(0).get(2))).containsExactly("阿联酋", "阿拉伯联合酋长国");
    }

    @Test
    void aBrokenFileIsNamedWithItsLine() { // #15
        assertThatThrownBy(() -> ReferenceCsv.read("t.csv", List.of("code,name,aliases", "AE,\"open,x"), HEADER))
                .hasMessage("t.csv line 2: unterminated quoted field");
        assertThatThrownBy(() -> ReferenceCsv.read("t.csv", List.of("code,name,aliases", "AE,x"), HEADER))
                .hasMessage("t.csv line 2: expected 3 fields but found 2");
        assertThatThrownBy(() -> ReferenceCsv.read("t.csv", List.of("code,name"), HEADER))
                .hasMessageStartingWith("t.csv line 1: expected the header code,name,aliases");
    }
}
