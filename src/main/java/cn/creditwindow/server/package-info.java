/**
 * The HTTP server on top of the domains: the one route table ({@link cn.creditwindow.server.Routes}) with the
 * guard of each route, authentication (who is asking, anti-forgery and same-origin checks), the mapping of
 * exceptions to answers (JSON for the API, error pages for people), Jetty's own errors, metrics, health and the
 * API description. Only {@code app} builds it.
 */
package cn.creditwindow.server;
