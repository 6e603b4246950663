/**
 * Customs data (报关单、提运单、原产地证) for claims: export declarations with their goods lines, bills of lading and
 * certificates of origin, imported by the insurer's staff as CSV or pushed by the customs / insurer systems with a
 * {@code customs:push} token ({@link cn.creditwindow.customs.Customs#importBatch}); the declaration check
 * (申报单证检查, {@link cn.creditwindow.customs.Customs#check}) that answers 数据正常 only to the consignor and the
 * same 未查询到符合条件的数据 for unknown numbers and other consignors' alike; and the shipment data report
 * (出运数据报告, {@link cn.creditwindow.customs.ShipmentReport}), one set per page. The claims package calls the
 * check and the report; customs knows nothing of claims (already-claimed numbers come in as a predicate).
 */
package cn.creditwindow.customs;
