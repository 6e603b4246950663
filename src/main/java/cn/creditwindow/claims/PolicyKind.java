package cn.creditwindow.claims;

/**
 * The kind of policy a claim is made on (seed 001 (十一)(十二)): sponsored (统保) claims get a decision due date
 * 15 working days after acceptance; self-insured (自主投保) claims up to 1M USD go through the green channel. Every
 * policy this service issues is sponsored; self-insured policies are not held here yet.
 */
public enum PolicyKind {
    SPONSORED,
    SELF_INSURED
}
