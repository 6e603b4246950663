package cn.creditwindow.buyers;

import cn.creditwindow.store.Database;
import cn.creditwindow.store.TestPostgres;
import java.nio.file.Path;

/** #17: {@link BuyersOnTwoNodesTest} on a real PostgreSQL ({@link TestPostgres}), a fresh database a test. */
class BuyersOnTwoNodesPostgresIT extends BuyersOnTwoNodesTest {
    @Override
    Database database(Path dir) {
        return Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 8);
    }
}
