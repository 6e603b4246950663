-- E-mail delivery from the outbox (notify.MailDispatcher through mail.SmtpMailer).
-- A notice may carry an HTML body beside its text, and extra mail header fields ("Name: value" lines, e.g.
-- List-Unsubscribe); both only for e-mails.
ALTER TABLE outbox ADD COLUMN html TEXT;
ALTER TABLE outbox ADD COLUMN headers TEXT;

-- The delivery of each e-mail notice recorded from now on, written in the transaction that records the notice:
-- PENDING until the dispatcher has handed it to the SMTP server (SENT), FAILED after the last attempt or a
-- permanent refusal (last_error says why), SKIPPED when no SMTP server is configured. SMS notices and e-mails
-- recorded before this migration have no row: they were only ever recorded.
CREATE TABLE mail_deliveries (
    outbox_id        ${bigint} NOT NULL,
    state            TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_error       TEXT,
    sent_at          TEXT,
    CONSTRAINT pk_mail_deliveries PRIMARY KEY (outbox_id),
    CONSTRAINT fk_mail_deliveries_outbox FOREIGN KEY (outbox_id) REFERENCES outbox (id),
    CONSTRAINT ck_mail_deliveries_state CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    CONSTRAINT ck_mail_deliveries_attempts CHECK (attempts >= 0),
    CONSTRAINT ck_mail_deliveries_due CHECK ((state = 'PENDING') = (next_attempt_at IS NOT NULL)),
    CONSTRAINT ck_mail_deliveries_sent CHECK ((state = 'SENT') = (sent_at IS NOT NULL)),
    CONSTRAINT ck_mail_deliveries_why CHECK (state NOT IN ('FAILED', 'SKIPPED') OR last_error IS NOT NULL)
) ${strict};

-- The dispatcher's question: which e-mails are due now, oldest first.
CREATE INDEX ix_mail_deliveries_due ON mail_deliveries (next_attempt_at) WHERE state = 'PENDING';
