/**
 * The system home page (系统首页): the newest risk information and the four modules for everyone, and for a
 * signed-in person the dashboard ({@link cn.creditwindow.home.Dashboard}) of every journey or queue with the
 * links that open each list, also as JSON ({@code GET /api/dashboard}).
 */
package cn.creditwindow.home;
