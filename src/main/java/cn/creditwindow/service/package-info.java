/**
 * Service introduction (服务介绍, manual 八): what the window offers small and micro exporters (8.1) and the online
 * enrolment and renewal flow of the small/micro policy (8.2), as public pages linking into the real journeys.
 */
package cn.creditwindow.service;
