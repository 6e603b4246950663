package cn.creditwindow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded index: {@link ArticleIndexContract}, and what only an index on a local folder does. */
class LuceneArticleIndexTest extends ArticleIndexContract {
    @Override
    protected ArticleIndex open() throws IOException {
        return LuceneArticleIndex.open(new ByteBuffersDirectory(), ArticleIndexContract::ancestors, 100);
    }

    @Test
    void acknowledgedArticlesSurviveWithoutAClose(@TempDir Path dir) throws IOException {
        LuceneArticleIndex first = LuceneArticleIndex.open(FSDirectory.open(dir), ArticleIndexContract::ancestors, 0);
        first.upsert(List.of(article("a", "崩溃前写入的文章", 1)));
        // no close(): simulate a crash by dropping the writer's lock and opening read-only
        try (LuceneArticleIndex reader = LuceneArticleIndex.openReadOnly(FSDirectory.open(dir), 0)) {
            assertThat(reader.find("a")).isPresent();
            assertThat(reader.search(ArticleQuery.builder().keyword("崩溃").build()).total()).isEqualTo(1);
        }
        first.close();
    }
}
