/**
 * The web toolkit every domain's handlers and pages use, and that knows no domain: the page renderer and layout
 * ({@link cn.creditwindow.web.Pages}, {@link cn.creditwindow.web.Page}, shown to a
 * {@link cn.creditwindow.web.Viewer}), the languages and their texts ({@link cn.creditwindow.web.Lang},
 * {@link cn.creditwindow.web.Messages}), the menu ({@link cn.creditwindow.web.Section}), the pager and query
 * strings, uploads, JSON bodies and the JSON mapper, and the status of each kind of refusal
 * ({@link cn.creditwindow.web.Statuses}). The server that puts them on routes is {@code cn.creditwindow.server}.
 */
package cn.creditwindow.web;
