package cn.creditwindow.agreements;

import cn.creditwindow.validation.NotAllowedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealsTest {
    @TempDir
    Path dir;
    World w;

    @BeforeEach
    void open() {
        w = new World(dir);
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void theLegalRepresentativeMakesASealAndItsPeopleSeeIt() {
        Seal s = w.seals.create(w.szLegal, new Seals.NewSeal("公司", " 测试操作员甲 ", "2026-01-01", "2027-12-31"));
        assertThat(s.kind()).isEqualTo(SealKind.COMPANY);
        assertThat(s.holder()).isEqualTo("测试操作员甲");
        assertThat(s.validUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(s.canSignOn(World.TODAY)).isTrue();
        assertThat(s.canSignOn(LocalDate.of(2028, 1, 1))).isFalse();
        assertThat(w.seals.list(w.szOperator, null, PageRequest.first()).items()).containsExactly(s);
        assertThat(w.seals.list(w.hnLegal, null, PageRequest.first()).items()).isEmpty();
        assertThat(w.seals.list(w.manager, w.shenzhen.id(), PageRequest.first()).items()).containsExactly(s);
        assertThatThrownBy(() -> w.seals.list(w.manager, w.zhengzhou.id(), PageRequest.first()).items())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOperatorMayNotMakeASeal() {
        assertThatThrownBy(() -> w.seals.create(w.szOperator, new Seals.NewSeal("COMPANY", "x", "2026-01-01", "2026-12-31")))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> {
                    assertThat(e.getMessage()).contains("legal representative");
                });
    }

    @Test
    void everyBadFieldIsReported() {
        assertThatThrownBy(() -> w.seals.create(w.szLegal, new Seals.NewSeal("stamp", "", "2026-02-30", "soon")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("kind", "holder", "validFrom", "validUntil"));
        assertThatThrownBy(() -> w.seals.create(w.szLegal, new Seals.NewSeal("COMPANY", "x", "2026-06-01", "2026-05-31")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).zh())
                        .contains("不能早于起始日期"));
        assertThatThrownBy(() -> w.seals.create(w.szLegal, new Seals.NewSeal("COMPANY", "x", "2025-01-01", "2026-03-14")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).en())
                        .contains("has passed"));
        assertThat(w.seals.list(w.szLegal, null, PageRequest.first()).items()).isEmpty();
    }
}
