/**
 * Things shown by a Chinese and an English name: {@link cn.creditwindow.text.Names}, the pair, and
 * {@link cn.creditwindow.text.Bilingual}, what the states, kinds and roles of the domains implement so that each
 * holds its pair once and every caller reads it as {@code zh()} and {@code en()}. Which of the two a page shows is
 * the web toolkit's choice ({@code Page.pick}), not this package's.
 */
package cn.creditwindow.text;
