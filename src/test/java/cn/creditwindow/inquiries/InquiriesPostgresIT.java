package cn.creditwindow.inquiries;

import cn.creditwindow.store.Database;
import cn.creditwindow.store.TestPostgres;

/** #17: {@link InquiriesTest}, its races included, on a real PostgreSQL ({@link TestPostgres}), a fresh database a test. */
class InquiriesPostgresIT extends InquiriesTest {
    @Override
    Database database() {
        return Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 8);
    }
}
