/**
 * Start-up: {@link cn.creditwindow.app.Main} reads the command line and the environment into a
 * {@link cn.creditwindow.config.Config}; {@link cn.creditwindow.app.App} builds every component with
 * {@code new} in one place and owns their lifecycle.
 */
package cn.creditwindow.app;
