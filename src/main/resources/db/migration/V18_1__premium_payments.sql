-- The premium payment and its invoice (seed 003 一(二): 收到企业自缴的 20% 保费后先行生效保单并向企业开具发票; #14).
-- V18 (in db/sqlite and db/postgresql: the one step each database writes its own way) let policies wait in
-- AWAITING_PAYMENT.

-- The enterprise's own share as the insurer received it: one payment a policy (the database's guard against a
-- second recording), exactly the amount due (checked by the application against enterprise_part_cents).
CREATE TABLE premium_payments (
    id             ${id},
    policy_id      ${bigint} NOT NULL REFERENCES policies (id),
    amount_cents   ${bigint} NOT NULL CHECK (amount_cents > 0),
    -- the day the insurer received the money (yyyy-MM-dd): the policy takes effect that day
    received_on    TEXT    NOT NULL CHECK (length(received_on) = 10),
    -- the bank transfer's reference as the insurer's statement shows it
    reference      TEXT    NOT NULL CHECK (length(reference) BETWEEN 1 AND 64),
    recorded_by    ${bigint} NOT NULL REFERENCES users (id),
    recorded_at    TEXT    NOT NULL,
    CONSTRAINT ux_premium_payments_policy UNIQUE (policy_id)
) ${strict};

-- The invoice (发票) issued to the enterprise for its payment: FP + year + a 6-digit sequence of that year.
CREATE TABLE premium_invoices (
    id              ${id},
    invoice_number  TEXT    NOT NULL CHECK (length(invoice_number) = 12 AND substr(invoice_number, 1, 2) = 'FP'),
    invoice_year    INTEGER NOT NULL CHECK (invoice_year BETWEEN 2000 AND 2099),
    invoice_seq     INTEGER NOT NULL CHECK (invoice_seq BETWEEN 1 AND 999999),
    payment_id      ${bigint} NOT NULL REFERENCES premium_payments (id),
    policy_id       ${bigint} NOT NULL REFERENCES policies (id),
    enterprise_id   ${bigint} NOT NULL REFERENCES enterprises (id),
    amount_cents    ${bigint} NOT NULL CHECK (amount_cents > 0),
    issued_at       TEXT    NOT NULL,
    CONSTRAINT ux_premium_invoices_number UNIQUE (invoice_number),
    CONSTRAINT ux_premium_invoices_year_seq UNIQUE (invoice_year, invoice_seq),
    CONSTRAINT ux_premium_invoices_payment UNIQUE (payment_id),
    CONSTRAINT ux_premium_invoices_policy UNIQUE (policy_id)
) ${strict};

CREATE INDEX ix_premium_invoices_enterprise ON premium_invoices (enterprise_id);
