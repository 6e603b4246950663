package cn.creditwindow.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsccTest {
    @Test
    void agreesWithThePublishedExamples() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("uscc/uscc_examples.csv"));
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split(",", 3);
            assertThat(Uscc.isValid(cols[0])).as(line).isEqualTo(Boolean.parseBoolean(cols[1]));
        }
    }

    @Test
    void namesTheExpectedCheckCharacter() {
        assertThat(Uscc.check("uscc", "91310110666007217A")).hasValueSatisfying(e -> {
            assertThat(e.zh()).contains("校验位错误").contains("“T”");
            assertThat(e.en()).contains("should be 'T'");
        });
        assertThat(Uscc.isValid("91310110666007217T")).isTrue();
    }

    @Test
    void refusesWrongLengthsAndLetters() {
        assertThat(Uscc.check("uscc", "9131011066600721")).hasValueSatisfying(e -> assertThat(e.en()).contains("18"));
        assertThat(Uscc.check("uscc", "91310110666OO7217T")).hasValueSatisfying(e -> assertThat(e.en()).contains("'O'"));
        assertThat(Uscc.check("uscc", "")).isPresent();
        assertThat(Uscc.check("uscc", null)).isPresent();
    }

    @Test
    void normalisesAndDerivesItsParts() {
        assertThat(Uscc.normalise(" 91310110666007217t ")).isEqualTo("91310110666007217T");
        assertThat(Uscc.divisionCode("91310110666007217T")).isEqualTo("310110");
        assertThat(Uscc.organisationCode("91310110666007217T")).isEqualTo("66600721-7");
    }
}
