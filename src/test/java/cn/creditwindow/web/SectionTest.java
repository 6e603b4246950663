package cn.creditwindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionTest {
    @Test
    void aRequestPathBelongsToTheSectionWhoseEntryItHighlights() {
        assertThat(Section.of("/")).isEqualTo(Section.HOME);
        assertThat(Section.of("/search")).isEqualTo(Section.RISK);
        assertThat(Section.of("/search/trade-news")).isEqualTo(Section.RISK);
        assertThat(Section.of("/articles/abc")).isEqualTo(Section.RISK);
        assertThat(Section.of("/credit")).isEqualTo(Section.CREDIT);
        assertThat(Section.of("/searching")).isNull();
        assertThat(Section.of("/no/such/page")).isNull();
    }
}
