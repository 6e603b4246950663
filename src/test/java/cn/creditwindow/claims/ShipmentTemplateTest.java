package cn.creditwindow.claims;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentTemplateTest {
    // #13, found by InputFuzzIT: a file of fewer bytes than a zip header made the workbook check throw (a 500)
    @Test
    void aFileTooShortToBeAWorkbookIsReadAsCsvAndRefusedForItsHeader() {
        for (String content : List.of("a", "PK", "0", "中")) {
            assertThatThrownBy(() -> ShipmentTemplate.read(content.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("header");
        }
    }
}
