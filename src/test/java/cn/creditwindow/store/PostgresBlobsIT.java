package cn.creditwindow.store;

/** #17: {@link BlobsContract} on a real PostgreSQL ({@link TestPostgres}), a fresh database for each test. */
class PostgresBlobsIT extends BlobsContract {
    private String url;

    @Override
    protected Database open() {
        url = TestPostgres.newDatabase();
        return Database.open(url, TestPostgres.USER, null, 4);
    }

    @Override
    protected String url() {
        return url;
    }
}
