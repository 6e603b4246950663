-- Counters for serial numbers (store.Tx.nextValue, #17): one row per series and key, advanced in the transaction that
-- takes a number, so that two writers can never take the same one (MAX()+1 did only under SQLite's single writer;
-- on PostgreSQL two transactions read the same MAX). The name is the series and its key, e.g.
-- inquiry_serial:20240617 (ZX serials restart each day), premium_invoice:2026 (FP invoice numbers each year),
-- buyer_code:AE (buyer codes per country).

CREATE TABLE counters (
    name    TEXT      NOT NULL PRIMARY KEY,
    -- the last number given
    value   ${bigint} NOT NULL CHECK (value >= 1)
) ${strict};

-- The numbers given so far, so that the next ones follow them.
INSERT INTO counters (name, value)
    SELECT 'inquiry_serial:' || serial_day, MAX(serial_seq) FROM inquiries GROUP BY serial_day;
INSERT INTO counters (name, value)
    SELECT 'premium_invoice:' || CAST(invoice_year AS TEXT), MAX(invoice_seq) FROM premium_invoices
    GROUP BY invoice_year;
INSERT INTO counters (name, value)
    SELECT 'buyer_code:' || substr(code, 1, 2), MAX(CAST(substr(code, 3) AS ${bigint})) FROM buyers
    GROUP BY substr(code, 1, 2);
