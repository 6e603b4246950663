package cn.creditwindow.store;

/** #17: {@link ChangesContract} on a real PostgreSQL ({@link TestPostgres}), a fresh database for each test. */
class PostgresChangesIT extends ChangesContract {
    @Override
    protected Database open() {
        return Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 4);
    }
}
