package cn.creditwindow.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticlePagesTest {
    @Test
    void fileSizesReadForPeople() {
        assertThat(ArticlePages.size(-1)).isEmpty();
        assertThat(ArticlePages.size(975)).isEqualTo("975 B");
        assertThat(ArticlePages.size(1988)).isEqualTo("2 KB");
        assertThat(ArticlePages.size(3_565_158)).isEqualTo("3.4 MB");
    }
}
