/**
 * Account managers by district (客户经理): which of the insurer's account managers serve an enterprise — the most
 * specific match of its registered division code against the managers' portfolios (a named enterprise before a
 * district of 6 digits, before a city of 4, before a province of 2) — with their office phone, mobile and e-mail,
 * and the service lines (the claims hotline). Shown to the enterprise on its home page and on returned
 * applications and claims (template {@code managers/contacts.jte}).
 */
package cn.creditwindow.managers;
