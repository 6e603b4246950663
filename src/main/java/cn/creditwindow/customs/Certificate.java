package cn.creditwindow.customs;

import java.time.LocalDate;

/** 原产地证: a certificate of origin issued to the exporter {@code enterpriseId}; destination ISO alpha-2. */
public record Certificate(long id, String number, long enterpriseId, String exporterName, String goods,
                          String destinationCountry, LocalDate issuedOn) {
}
