package cn.creditwindow.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentTemplateTest {
    // #13, found by InputFuzzIT: a file of fewer bytes than a zip header made the workbook check throw (a 500)
    @Test
    void aCsvIsReadAsTheOtherUploadsAreAndAnUnclosedQuoteIsNamed() { // #15
        String header = String.join(",", ShipmentTemplate.HEADER);
        // quoted fields with a comma and a line break read as one field each; a record of blanks is skipped
        String ok = header + "\r\n\"INV,1\",85171200,2026-07-01,OA,90,100,100,NONE,SEA,\"530120240000000124\",\"a\nb\"\r\n,,,\r\n";
        assertThat(ShipmentTemplate.read(ok.getBytes(StandardCharsets.UTF_8))).hasSize(1);
        String open = header + "\r\n\"INV-1,85171200\r\n";
        assertThatThrownBy(() -> ShipmentTemplate.read(open.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("file"));
    }

    @Test
    void aFileTooShortToBeAWorkbookIsReadAsCsvAndRefusedForItsHeader() {
        for (String content : List.of("a", "PK", "0", "中")) {
            assertThatThrownBy(() -> ShipmentTemplate.read(content.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("header");
        }
    }
}
