package cn.creditwindow.subscriptions;

import cn.creditwindow.articles.SearchForm;
import cn.creditwindow.web.QueryString;

/** Links into the subscriptions' pages from other pages. */
public final class SubscriptionLinks {
    private SubscriptionLinks() {
    }

    /** 订阅此查询: the new-subscription form with the search page's current conditions (and its preview). */
    public static String saveQuery(SearchForm form) {
        return QueryString.of().add("q", form.q()).add("country", form.country()).add("industry", form.industry())
                .appendTo("/subscriptions/new");
    }
}
