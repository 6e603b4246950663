package cn.creditwindow.notify;

/** How a notice travels. */
public enum Channel {
    SMS,
    EMAIL
}
