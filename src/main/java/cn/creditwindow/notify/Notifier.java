package cn.creditwindow.notify;

import cn.creditwindow.store.Tx;

/**
 * Sends notices: the one seam to the outside world's SMS and e-mail gateways. Called inside the transaction
 * of the change a notice reports, so a change that is rolled back sends nothing; an implementation talking
 * to a gateway records the notice in that transaction and delivers it after commit (transactional outbox).
 */
public interface Notifier {
    void send(Tx tx, Notice notice);
}
