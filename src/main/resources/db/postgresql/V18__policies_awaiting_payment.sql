-- policies.state gains AWAITING_PAYMENT, for the Henan medium scheme's premium payment before the policy takes
-- effect (seed 003 一(二): 收到企业自缴的 20% 保费后先行生效保单并向企业开具发票; #14). An accepted application of a scheme that is effectiveOnEnterprisePayment gets its
-- policy number and waits in the new state AWAITING_PAYMENT (待缴费, active) until the insurer records the payment;
-- the policy is then EFFECTIVE from the payment day and an invoice is issued.

-- PostgreSQL's form of this step (db/sqlite has SQLite's): the state CHECK of V3 was written on the column, so
-- PostgreSQL named it policies_state_check.
ALTER TABLE policies DROP CONSTRAINT policies_state_check;
ALTER TABLE policies ADD CONSTRAINT ck_policies_state CHECK (state IN ('PENDING', 'APPLIED', 'RETURNED',
    'AWAITING_PAYMENT', 'EFFECTIVE', 'EXPIRED', 'WITHDRAWN'));
-- awaiting payment: numbered, not yet issued (the issue day is the payment day)
ALTER TABLE policies ADD CONSTRAINT ck_policies_awaiting_payment CHECK (state <> 'AWAITING_PAYMENT'
    OR (policy_number IS NOT NULL AND issued_on IS NULL AND cover_start IS NULL));

-- One sponsored policy per enterprise at a time (Henan de-duplication rule): a policy awaiting payment is active.
DROP INDEX ux_policies_active;
CREATE UNIQUE INDEX ux_policies_active ON policies (enterprise_id)
    WHERE state IN ('PENDING', 'APPLIED', 'RETURNED', 'AWAITING_PAYMENT', 'EFFECTIVE');
