/**
 * The search benchmark ({@link cn.creditwindow.bench.Bench}), not part of the test run: ingest, in-process
 * queries, SQLite {@code LIKE} and HTTP under {@code wrk}, at 150,904 real titles and at 1M, each figure
 * paired with a baseline measured in the same run (a raw Lucene {@code IndexWriter} and
 * {@code IndexSearcher} doing the same job with the least code, SQLite, and the server's trivial
 * {@code /health}). {@code mvn -Pbench -DskipTests verify} runs it; BENCHMARKS.md has the figures. Its first
 * argument picks another benchmark: {@code digest} (the monthly digest), {@code solr} (the window on SolrCloud),
 * {@code nodes} (the records on SQLite against PostgreSQL with one and two app nodes, {@link
 * cn.creditwindow.bench.NodesBench}), {@code search18} (the window's server against one Solr core, and its ingest
 * against raw Lucene, {@link cn.creditwindow.bench.SolrCoreBench}).
 */
package cn.creditwindow.bench;
