package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a list of the API page by page and checks the paging contract every list keeps (#13): the same exact total
 * on every page, the page and size echoed, no item twice, every item once, a page past the end empty, and a bad page
 * or size a 400 naming the field.
 */
final class PagedLists {
    private PagedLists() {
    }

    /**
     * Every item of {@code path} (which may carry its own conditions), read in pages of {@code size}.
     *
     * @param key the array the items are in ({@code items}, or {@code entries} for an eligible list)
     * @param id  the item's field that identifies it (a path such as {@code /policy/id} for nested ones)
     * @return the ids in the list's order
     */
    static List<String> readAll(ApiClient client, String path, int size, String key, String id) {
        String join = path.contains("?") ? "&" : "?";
        JsonNode first = client.json(path + join + "size=" + size + "&page=1");
        long total = first.get("total").asLong();
        long pages = Math.max(1, (total + size - 1) / size);
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= pages + 1; page++) {
            JsonNode p = page == 1 ? first : client.json(path + join + "size=" + size + "&page=" + page);
            assertThat(p.get("total").asLong()).as(path + " page " + page).isEqualTo(total);
            assertThat(p.get("page").asInt()).isEqualTo(page);
            assertThat(p.get("size").asInt()).isEqualTo(size);
            long expected = page <= pages ? Math.min(size, total - (long) (page - 1) * size) : 0;
            assertThat(p.get(key).size()).as(path + " page " + page).isEqualTo((int) expected);
            p.get(key).forEach(item -> ids.add(id.startsWith("/") ? item.at(id).asText() : item.get(id).asText()));
        }
        assertThat(ids).as(path).hasSize((int) total).doesNotHaveDuplicates();
        for (String bad : List.of("page=0", "page=x", "size=0", "size=101")) {
            TestServer.Response r = client.get(path + join + bad);
            assertThat(r.status()).as(path + join + bad).isEqualTo(400);
            assertThat(r.json().at("/errors/0/field").asText()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
        return ids;
    }

    /** A number the database holds ({@code SELECT COUNT(*) …}), to compare a list's total with. */
    static long count(TestServer server, String sql, Object... args) {
        return server.app().database().read(tx -> tx.number(sql, args));
    }

    /** {@link #readAll(ApiClient, String, int, String, String)} of {@code items} by {@code id}. */
    static List<String> readAll(ApiClient client, String path, int size) {
        return readAll(client, path, size, "items", "id");
    }
}
