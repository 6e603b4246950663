/** Settings of a running service, validated once at start-up and passed to constructors. */
package cn.creditwindow.config;
