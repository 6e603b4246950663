package cn.creditwindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.paging.Paged;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagerTest {
    private static List<String> labels(Pager p) {
        return p.links().stream().map(l -> l.gap() ? "…" : l.current() ? "[" + l.number() + "]" : "" + l.number())
                .toList();
    }

    private static Pager pager(int page, int pages) {
        return Pager.of(page, pages, n -> "/list?page=" + n);
    }

    @Test
    void showsFirstLastAndAWindowAroundTheCurrentPageWithGaps() {
        assertThat(labels(pager(1, 3))).containsExactly("[1]", "2", "3");
        assertThat(labels(pager(7, 20))).containsExactly("1", "…", "5", "6", "[7]", "8", "9", "…", "20");
        assertThat(labels(pager(2, 20))).containsExactly("1", "[2]", "3", "4", "…", "20");
        assertThat(labels(pager(4, 7))).containsExactly("1", "2", "3", "[4]", "5", "6", "7");
    }

    @Test
    void previousAndNextExistOnlyWhereThereIsSuchAPage() {
        Pager first = pager(1, 3);
        assertThat(first.previousHref()).isNull();
        assertThat(first.nextHref()).isEqualTo("/list?page=2");
        Pager last = pager(3, 3);
        assertThat(last.previousHref()).isEqualTo("/list?page=2");
        assertThat(last.nextHref()).isNull();
    }

    @Test
    void aPagePastTheEndLeadsBackToTheLastPage() {
        Pager past = pager(9, 3);
        assertThat(past.previousHref()).isEqualTo("/list?page=3");
        assertThat(past.nextHref()).isNull();
        assertThat(past.needed()).isTrue();
    }

    @Test
    void oneOrNoPageNeedsNoPager() {
        assertThat(pager(1, 1).needed()).isFalse();
        assertThat(pager(1, 0).needed()).isFalse();
        assertThat(pager(1, 0).pages()).isEqualTo(1);
    }

    @Test
    void aPagedListGivesItsPagesAndItsTotal() { // #13
        Pager p = Pager.of(new Paged<>(41, 2, 20, List.of()), n -> "/credit?state=open&page=" + n);
        assertThat(p.pages()).isEqualTo(3);
        assertThat(p.total()).isEqualTo(41);
        assertThat(p.totalShown()).isTrue();
        assertThat(p.nextHref()).isEqualTo("/credit?state=open&page=3");
        assertThat(Pager.of(new Paged<>(0, 1, 20, List.of()), n -> "").totalShown()).isFalse();
        assertThat(pager(1, 3).totalShown()).isFalse();
    }
}
