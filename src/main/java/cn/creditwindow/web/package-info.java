/**
 * The HTTP edge shared by all domains: the one route table ({@link cn.creditwindow.web.Routes}), the
 * mapping of exceptions to answers, the JSON mapper, metrics, health and the API description.
 */
package cn.creditwindow.web;
