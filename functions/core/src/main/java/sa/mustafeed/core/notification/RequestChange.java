package sa.mustafeed.core.notification;

import java.util.Optional;

import sa.mustafeed.core.request.ServiceRequest;

/** One change to a request as the table's stream reports it: the state before (absent when new) and after. */
public record RequestChange(Optional<ServiceRequest> before, ServiceRequest after) {
}
