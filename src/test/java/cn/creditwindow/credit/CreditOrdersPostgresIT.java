package cn.creditwindow.credit;

import cn.creditwindow.store.Database;
import cn.creditwindow.store.TestPostgres;

/** #17: {@link CreditOrdersTest}, its races included, on a real PostgreSQL ({@link TestPostgres}), a fresh database a test. */
class CreditOrdersPostgresIT extends CreditOrdersTest {
    @Override
    Database database() {
        return Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 8);
    }
}
