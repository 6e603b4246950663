/**
 * Reference data and the gazetteer: the ISO 3166-1 countries ({@link cn.creditwindow.reference.Countries}),
 * the GB/T 4754-2017 industries plus the key industries named in export policy documents
 * ({@link cn.creditwindow.reference.Industries}), and the {@link cn.creditwindow.reference.Gazetteer}
 * that finds the countries and industries a Chinese (or English) news title and body mention. The data
 * are the project's own CSV files under {@code src/main/resources/reference/}, whose README says where
 * every column comes from. Everything here is immutable once built and safe to share between threads;
 * {@code App} builds one instance of each with {@code load()} and passes them to whoever needs them.
 */
package cn.creditwindow.reference;
