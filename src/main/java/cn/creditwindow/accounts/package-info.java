/**
 * Who is asking: enterprises (identified by their USCC) and their people, account managers with their
 * portfolios, insurer reviewers, administrators, and the insurer's systems with API tokens. Passwords
 * (bcrypt), browser sessions (only token hashes stored), sign-in throttling, and {@link
 * cn.creditwindow.accounts.Tenancy}, the one place that decides whose records a principal may see.
 * Who may call a route ({@link cn.creditwindow.accounts.Guard}) and who is asking on this request
 * ({@link cn.creditwindow.accounts.Caller}) are decided here and enforced by the server's authentication.
 */
package cn.creditwindow.accounts;
