/**
 * The service agreement (签约管理, manual 2.1–2.3): the enterprise's company seals, the tri-party agreement
 * its legal representative signs and the insurer countersigns, its termination and history, the enterprise's
 * data authorisation, and the authorised data the insurer may use. {@link cn.creditwindow.agreements.Agreements}
 * also tells other domains whether an enterprise is ready for them ({@code readiness}). Only
 * {@code AgreementHandlers} (the API) and {@code AgreementPages} (the pages) know the web.
 */
package cn.creditwindow.agreements;
