package cn.creditwindow.schemes;

import cn.creditwindow.store.Database;
import cn.creditwindow.store.TestPostgres;
import java.nio.file.Path;

/** #17: {@link SchemeCatalogueOnTwoNodesTest}, its race included, on a real PostgreSQL ({@link TestPostgres}). */
class SchemeCatalogueOnTwoNodesPostgresIT extends SchemeCatalogueOnTwoNodesTest {
    @Override
    Database database(Path dir) {
        return Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 8);
    }
}
