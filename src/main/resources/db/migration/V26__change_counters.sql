-- Change counters (store.Changes, #17): what a node keeps in memory (the buyer directory's search index, the watched
-- names, the scheme catalogue) follows the changes made through any node by the counter changes:<topic> in the table
-- counters, taken in every transaction that changes the topic. A buyer carries the number of the change that added
-- it, so a node catches up by reading only the buyers above the last number it has seen, not all 100,000.

ALTER TABLE buyers ADD COLUMN change_no ${bigint} NOT NULL DEFAULT 0;

-- The buyers so far are all committed, so their ids serve as their change numbers; the counter goes on above them.
UPDATE buyers SET change_no = id;
INSERT INTO counters (name, value)
    SELECT 'changes:buyers', id FROM buyers WHERE id = (SELECT MAX(id) FROM buyers);

CREATE INDEX ix_buyers_change_no ON buyers (change_no);
