package cn.creditwindow.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvUploadsTest {
    private static List<List<String>> read(String text) {
        return CsvUploads.records(text.getBytes(StandardCharsets.UTF_8), "file");
    }

    @Test
    void readsQuotedFieldsSpreadsheetsWrite() {
        assertThat(read("\uFEFFname,country\r\n\"Acme Trading Co., Ltd.\",AE\r\n\r\n\"He said \"\"hi\"\"\nthen left\",DE\n"))
                .containsExactly(List.of("name", "country"), List.of("Acme Trading Co., Ltd.", "AE"),
                        List.of("He said \"hi\"\nthen left", "DE"));
        assertThat(read("a,b\n , \n迪拜,沙特\n")).containsExactly(List.of("a", "b"), List.of("迪拜", "沙特"));
    }

    @Test
    void refusesOtherEncodingsAndBrokenQuotesNamingTheField() {
        byte[] gbk = "名称,国家\n迪拜贸易,阿联酋\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> CsvUploads.records(gbk, "file")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).zh()).contains("UTF-8"));
        assertThatThrownBy(() -> read("a,b\n\"unclosed,x\n")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("file"));
    }

    @Test
    void eachRecordKnowsTheLineItStartsOn() { // #13: a bad row of an upload is named by its line in the file
        List<CsvUploads.Line> lines = CsvUploads.lines(("\uFEFFdate,kind\r\n\r\n2027-01-01,holiday\n\n\n"
                + "\"two\nlines\",x\n , \nlast,y").getBytes(StandardCharsets.UTF_8), "file");
        assertThat(lines).extracting(CsvUploads.Line::number).containsExactly(1, 3, 6, 9);
        assertThat(lines.get(2).values()).containsExactly("two\nlines", "x");
    }
}
