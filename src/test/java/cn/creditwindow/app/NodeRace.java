package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.Race;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Requests of one race spread over the two nodes of a {@link TwoNodes} deployment (#17), and what every race test
 * checks of their answers: the winners' status counted, every other answer a refusal (a 4xx of the expected ones,
 * never a 500) that says what went wrong in English and in Chinese.
 */
final class NodeRace {
    private NodeRace() {
    }

    /** Each of {@code clients} on node A and on node B: request {@code i} of a race goes to {@code get(i % size)}. */
    static List<ApiClient> onBoth(TwoNodes nodes, ApiClient... clients) {
        List<ApiClient> out = new ArrayList<>();
        for (ApiClient c : clients) {
            out.add(c.on(nodes.a));
            out.add(c.on(nodes.b));
        }
        return List.copyOf(out);
    }

    /**
     * Sends {@code n} requests released at one moment, request {@code i} by {@code send} through client
     * {@code i % clients.size()} (alternately node A and node B for {@link #onBoth}); their answers, in order.
     */
    static List<TestServer.Response> race(int n, List<ApiClient> clients, Send send) throws Exception {
        List<Callable<?>> work = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int request = i;
            ApiClient c = clients.get(i % clients.size());
            work.add(() -> send.send(c, request));
        }
        List<TestServer.Response> answers = new ArrayList<>();
        for (Object o : Race.race(work)) {
            if (o instanceof Throwable t) {
                throw new AssertionError("a racing request failed to be sent", t);
            }
            answers.add((TestServer.Response) o);
        }
        return answers;
    }

    /** One request of a race: {@code i} is its number, for requests that differ (a wrong code, one of two actions). */
    @FunctionalInterface
    interface Send {
        TestServer.Response send(ApiClient client, int i);
    }

    /**
     * Asserts that exactly {@code winners} of {@code answers} have status {@code won}, and that every other one is a
     * refusal with one of {@code refusals} (4xx), its message in both languages; returns the winners.
     */
    static List<TestServer.Response> assertWinners(List<TestServer.Response> answers, int won, int winners,
                                                   Integer... refusals) {
        List<TestServer.Response> winning = answers.stream().filter(r -> r.status() == won).toList();
        assertThat(winning).as("answers %s won %s times", statuses(answers), won).hasSize(winners);
        assertRefusedInBothLanguages(answers.stream().filter(r -> r.status() != won).toList(), refusals);
        return winning;
    }

    /** Asserts every one of {@code answers} is a refusal with one of {@code refusals}, in English and in Chinese. */
    static void assertRefusedInBothLanguages(List<TestServer.Response> answers, Integer... refusals) {
        Set<Integer> allowed = Set.of(refusals);
        assertThat(allowed).allMatch(s -> s >= 400 && s < 500);
        for (TestServer.Response r : answers) {
            assertThat(r.status()).as(r.body()).isIn(allowed);
            JsonNode error = r.json();
            assertThat(error.path("message").asText()).as(r.body()).isNotBlank();
            assertThat(error.path("messageZh").asText()).as(r.body()).isNotBlank()
                    .isNotEqualTo(error.path("message").asText());
        }
    }

    /** The statuses of {@code answers}, in order (for failure messages). */
    static List<Integer> statuses(List<TestServer.Response> answers) {
        return answers.stream().map(TestServer.Response::status).toList();
    }

    /** How many of {@code answers} {@code test} accepts. */
    static long count(List<TestServer.Response> answers, Function<TestServer.Response, Boolean> test) {
        return answers.stream().filter(test::apply).count();
    }
}
