/**
 * The message board (调查问卷 / 留言板, manual 7): an enterprise's people leave a message — company name, region as
 * province → city → district (checked as a chain against {@code reference.Regions}), contact, mainland mobile,
 * optional e-mail, subject and content, all required but the e-mail — which goes to the insurer's staff
 * (reviewers, administrators, and account managers for their portfolio). A submitted message is read-only; the
 * staff reply once, which turns 已提交 into 已回复 and tells the submitter through {@code notify.Notifier}.
 */
package cn.creditwindow.messageboard;
