package cn.creditwindow.messageboard;

import cn.creditwindow.store.Database;
import cn.creditwindow.store.TestPostgres;

/** #17: {@link BoardMessagesTest}, its races included, on a real PostgreSQL ({@link TestPostgres}), a fresh database a test. */
class BoardMessagesPostgresIT extends BoardMessagesTest {
    @Override
    Database database() {
        return Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 8);
    }
}
