package cn.creditwindow.credit;

import java.time.Instant;

/** One change of an order's state: {@code from} is null for the order itself. */
public record OrderEvent(long id, long orderId, OrderState from, OrderState to, long actorId, String actorName,
                         String note, Instant at) {
}
