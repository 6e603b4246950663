-- The dispatcher reads due e-mails oldest first, by (next_attempt_at, outbox_id), a hundred at a time. Indexed on
-- next_attempt_at alone, every read sorted all e-mails due at the same instant (a digest run records thousands at
-- once) to take the first hundred: 170 ms a read at 19,000 pending. With the outbox id in the index the order is
-- the index's and a read stops after a hundred rows.
DROP INDEX ix_mail_deliveries_due;
CREATE INDEX ix_mail_deliveries_due ON mail_deliveries (next_attempt_at, outbox_id) WHERE state = 'PENDING';
