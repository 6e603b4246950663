package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.creditwindow.config.Config;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** #16: the search options of serve, ingest, search and digest: the embedded index, or a Solr collection. */
class MainSearchOptionsTest {
    private static Main.SearchEngine parse(String... args) {
        Main.Ingest ingest = new Main.Ingest();
        new CommandLine(ingest).parseArgs(args);
        return ingest.search;
    }

    @Test
    void theEmbeddedIndexIsTheDefault() {
        assumeTrue(System.getenv("CREDIT_WINDOW_SEARCH") == null, "the environment chooses the engine");
        assertThat(parse().solr()).isNull();
        assertThat(parse("--search", "lucene").solr()).isNull();
    }

    @Test
    void solrTakesItsNodesCommaSeparatedWithTheCollectionAndTimeout() {
        Config.Solr solr = parse("--search", "solr", "--solr-url", "http://solr1:8983/solr,http://solr2:8983/solr",
                "--solr-collection", "window", "--solr-timeout-ms", "2500").solr();
        assertThat(solr.nodes()).containsExactly(URI.create("http://solr1:8983/solr"),
                URI.create("http://solr2:8983/solr"));
        assertThat(solr.collection()).isEqualTo("window");
        assertThat(solr.timeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void badSettingsAreRefusedAsOptionErrorsByName() {
        assumeTrue(System.getenv("CREDIT_WINDOW_SOLR_URL") == null, "the environment gives the nodes");
        assertThatThrownBy(() -> parse("--search", "solr").solr())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--solr-url");
        assertThatThrownBy(() -> parse("--search", "elastic").solr())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("lucene or solr");
        assertThatThrownBy(() -> parse("--search", "solr", "--solr-url", "solr1:8983").solr())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("http(s)://host:port/solr");
        assertThatThrownBy(() -> parse("--search", "solr", "--solr-url", "http://solr1:8983/solr",
                "--solr-collection", "a b").solr())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("'a b'");
    }
}
