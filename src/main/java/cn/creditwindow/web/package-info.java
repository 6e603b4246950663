/**
 * The HTTP edge shared by all domains: the one route table ({@link cn.creditwindow.web.Routes}), the
 * mapping of exceptions to answers (JSON for the API, error pages for people), the JSON mapper,
 * metrics, health and the API description; and what every page shares: the renderer and layout
 * ({@link cn.creditwindow.web.Pages}, {@link cn.creditwindow.web.Page}), the languages and their texts
 * ({@link cn.creditwindow.web.Lang}, {@link cn.creditwindow.web.Messages}), the menu
 * ({@link cn.creditwindow.web.Section}) and the pager.
 */
package cn.creditwindow.web;
