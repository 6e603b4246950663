package cn.creditwindow.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging's one parser and its SQL, on a real SQLite file. */
class PageRequestTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void setUp() {
        db = Database.openFile(dir.resolve("paging.db"));
        db.inTransaction(tx -> {
            tx.update("CREATE TABLE things (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL, rank INTEGER NOT NULL)");
            for (int i = 1; i <= 250; i++) {
                // many ties in rank: only the id makes the order unique
                tx.insert("INSERT INTO things (owner, rank) VALUES (?, ?)", i % 5 == 0 ? 2 : 1, i % 3);
            }
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void absentOrBlankMeansTheFirstPageOfTheDefaultSize() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(1, PageRequest.DEFAULT_SIZE));
        assertThat(PageRequest.parse(" ", "")).isEqualTo(PageRequest.first());
        assertThat(PageRequest.parse(" 3 ", "100")).isEqualTo(new PageRequest(3, 100));
        assertThat(new PageRequest(3, 25).offset()).isEqualTo(50);
        assertThat(new PageRequest(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE).offset()).isPositive();
    }

    @Test
    void aBadPageOrSizeIsA400NamingEachField() { // #13
        for (String bad : List.of("0", "-1", "x", "1.5", "21474837", "99999999999")) {
            assertThatThrownBy(() -> PageRequest.parse(bad, null)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                            .containsExactly("page"));
        }
        for (String bad : List.of("0", "101", "ten")) {
            assertThatThrownBy(() -> PageRequest.parse("1", bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("size: size must be a whole number from 1 to 100, was '" + bad + "'");
        }
        InvalidInputException both = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> PageRequest.parse("0", "1000"));
        assertThat(both.errors()).extracting(FieldError::field).containsExactly("page", "size");
        assertThat(both.errors().get(1).zh()).isEqualTo("size 必须是 1 到 100 之间的整数，不能是“1000”");
        // a handler checking other fields too gets them all in one list, and defaults in their place
        List<FieldError> errors = new ArrayList<>();
        assertThat(PageRequest.parse("abc", "5", errors)).isEqualTo(new PageRequest(1, 5));
        assertThat(errors).extracting(FieldError::field).containsExactly("page");
    }

    private Paged<Long> page(int page, int size, int owner) {
        return db.read(tx -> new PageRequest(page, size).select(tx, "SELECT id FROM things WHERE owner = ?",
                "rank DESC, id", r -> r.longValue("id"), owner));
    }

    @Test
    void selectCountsTheSameRowsItPagesAndPagesNeverSkipOrRepeat() {
        List<Long> all = new ArrayList<>();
        for (int n = 1; n <= 29; n++) {
            Paged<Long> p = page(n, 7, 1);
            assertThat(p.total()).isEqualTo(200);
            assertThat(p.pages()).isEqualTo(29);
            assertThat(p.items()).hasSize(n < 29 ? 7 : 4);
            all.addAll(p.items());
        }
        assertThat(all).hasSize(200).doesNotHaveDuplicates();
        Paged<Long> past = page(30, 7, 1);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(200);
        Paged<Long> none = page(1, 7, 9);
        assertThat(none.total()).isZero();
        assertThat(none.pages()).isEqualTo(1);
    }

    @Test
    void sliceAndFieldsKeepTheAnswersShape() {
        Paged<Integer> p = new PageRequest(2, 3).slice(List.of(1, 2, 3, 4, 5));
        assertThat(p).isEqualTo(new Paged<>(5, 2, 3, List.of(4, 5)));
        assertThat(new PageRequest(3, 3).slice(List.of(1, 2)).items()).isEmpty();
        assertThat(p.fields()).containsOnlyKeys("total", "page", "size", "items");
        assertThat(p.fields().keySet()).containsExactly("total", "page", "size", "items");
        assertThat(p.map(i -> "#" + i).items()).containsExactly("#4", "#5");
    }

    @Test
    void theAnswerIsTotalPageSizeAndItemsAndNothingElse() throws Exception { // #13
        String json = cn.creditwindow.web.Json.mapper().writeValueAsString(new PageRequest(2, 3).slice(List.of(1, 2, 3, 4, 5)));
        assertThat(json).isEqualTo("{\"total\":5,\"page\":2,\"size\":3,\"items\":[4,5]}");
    }
}
