/**
 * Insurance inquiries (投保咨询, manual 3.2): an enterprise's people ask the insurer for advice — company name,
 * registered address as province → city → district (checked as a chain against {@code reference.Regions}) and
 * detailed address, contact, mainland mobile, e-mail, the inquiry type (我要投保 by default, 我要买方资源, 我有其他需求)
 * and other needs. A submitted inquiry gets a serial number (投保流水号, {@code ZX} + day + daily sequence) and is
 * read-only; the insurer's staff (reviewers, administrators, and account managers for their portfolio) see it and
 * answer once, which turns 已提交 into 已答复 and tells the inquiry's contact through {@code notify.Notifier}.
 */
package cn.creditwindow.inquiries;
