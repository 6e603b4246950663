package cn.creditwindow.customs;

import java.time.LocalDate;

/** 提运单: a bill of lading of the consignor {@code enterpriseId}; {@code voyage} may be null (air, road). */
record BillOfLading(long id, long enterpriseId, String number, String vessel, String voyage, String shipper,
                           String consignee, LocalDate issuedOn) {
}
