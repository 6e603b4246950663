/**
 * The relational store: {@link cn.creditwindow.store.Database} (a pooled JDBC data source, the schema
 * migrated by Flyway at start-up, {@code inTransaction} as the only way to write) and tiny helpers to
 * bind parameters and read rows. The default is an embedded SQLite file; the SQL in the migrations and
 * in the domain packages is kept portable to PostgreSQL (see {@link cn.creditwindow.store.Dialect}).
 */
package cn.creditwindow.store;
