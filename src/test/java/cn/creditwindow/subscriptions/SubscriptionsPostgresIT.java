package cn.creditwindow.subscriptions;

import cn.creditwindow.store.Database;
import cn.creditwindow.store.TestPostgres;

/** #17: {@link SubscriptionsTest}, its race included, on a real PostgreSQL ({@link TestPostgres}), a fresh database a test. */
class SubscriptionsPostgresIT extends SubscriptionsTest {
    @Override
    Database database() {
        return Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 8);
    }
}
