package sa.mustafeed.core.notification;

/** One leg of one message to a request's beneficiary, as staff see it on the request. */
public record MessageDelivery(long version, MessageKind kind, DeliveryLeg leg) {}
