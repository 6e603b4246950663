/**
 * The relational store: {@link cn.creditwindow.store.Database} (a pooled JDBC data source, the schema
 * migrated by Flyway at start-up, {@code inTransaction} as the only way to write) and tiny helpers to
 * bind parameters, read rows and take serial numbers ({@link cn.creditwindow.store.Tx#nextValue}), and
 * {@link cn.creditwindow.store.Blobs} for files kept in the database in chunks. The default
 * is an embedded SQLite file; a PostgreSQL database that several app nodes share is the other
 * ({@link cn.creditwindow.store.Database#open}). One set of migrations and the SQL in the domain packages
 * run on both (see {@link cn.creditwindow.store.Dialect}).
 *
 * <p><b>Concurrency: one way, the owner's row lock.</b> SQLite runs one writer at a time, so a flow that reads,
 * checks and then writes in one transaction is correct there by itself. PostgreSQL runs writers side by side at
 * READ COMMITTED, and requests reach several app nodes: two such flows can both read "one left" and both take it.
 * Every read-check-write flow therefore starts its transaction with {@link cn.creditwindow.store.Tx#lock} on the row
 * that owns the rule (the enterprise for its free reports and wallet, the claim for its attachments' total, the
 * inquiry for its one answer, the user for the sign-in lockout…), before it
 * reads anything the rule depends on: the second request waits for the first one's commit and then reads what it
 * wrote, as on SQLite. Not SERIALIZABLE: it would abort and need a retry on every conflict, and a retry cannot run
 * again work that has read a request's stream. A rule that is "at most one of" something is also a unique or check
 * constraint, the database's final guard ({@link cn.creditwindow.store.ConstraintViolationException}); a few rules
 * are that alone (a declaration's one claim: its number is unique among claimed declarations) or a conditional
 * {@code UPDATE … WHERE state = ?} that only one writer can win (a bank's decision on a financing application). Locks are
 * taken owner first and one owner a transaction where possible (two in a fixed order: the enterprise, then its
 * record), and a serial-number counter last ({@link cn.creditwindow.store.Tx#nextValue}), so that two transactions
 * do not wait for each other; should PostgreSQL report a deadlock or serialization failure anyway, the transaction
 * is rolled back and the request refused as a conflict (409) asking, in Chinese and English, to try again.
 *
 * <p><b>Copies in memory: one way, the topic's change counter.</b> What a node keeps in memory of rows that any node
 * may change (the buyer directory's search index, the watched names, the scheme catalogue) follows them through
 * {@link cn.creditwindow.store.Changes}: the writing transaction takes the topic's next change number, and the copy
 * reads the topic's generation (one primary-key read) before it answers and catches up when it moved, by a rebuild or
 * by reading only the rows numbered above what it saw. No messages between nodes, nothing to miss while a node is
 * down. A copy of what never changes at run time (files in the jar) needs none.
 */
package cn.creditwindow.store;
