/**
 * The relational store: {@link cn.creditwindow.store.Database} (a pooled JDBC data source, the schema
 * migrated by Flyway at start-up, {@code inTransaction} as the only way to write) and tiny helpers to
 * bind parameters, read rows and take serial numbers ({@link cn.creditwindow.store.Tx#nextValue}), and
 * {@link cn.creditwindow.store.Blobs} for files kept in the database in chunks. The default
 * is an embedded SQLite file; a PostgreSQL database that several app nodes share is the other
 * ({@link cn.creditwindow.store.Database#open}). One set of migrations and the SQL in the domain packages
 * run on both (see {@link cn.creditwindow.store.Dialect}).
 */
package cn.creditwindow.store;
