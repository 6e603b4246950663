/**
 * The system home page (系统首页): the newest risk information and the four modules now; the quick
 * entries of later domains (pending policies, claim results, financing) join it as those domains arrive,
 * each handing its counts to {@link cn.creditwindow.home.HomePages}.
 */
package cn.creditwindow.home;
