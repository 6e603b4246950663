package cn.creditwindow.store;

/** #17: {@link LeasesContract} on a real PostgreSQL ({@link TestPostgres}), a fresh database for each test. */
class PostgresLeasesIT extends LeasesContract {
    @Override
    protected Database open() {
        return Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 4);
    }
}
