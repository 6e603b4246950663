package cn.creditwindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringTest {
    @Test
    void encodesNamesAndValuesAndLeavesOutBlankValues() {
        assertThat(QueryString.of().add("q", "关税 美国").add("country", " ").add("page", 2).appendTo("/search"))
                .isEqualTo("/search?q=%E5%85%B3%E7%A8%8E%20%E7%BE%8E%E5%9B%BD&page=2");
        assertThat(QueryString.of().add("q", null).appendTo("/search")).isEqualTo("/search");
        assertThat(QueryString.of().add("a&b", "c=d").toString()).isEqualTo("?a%26b=c%3Dd");
    }
}
