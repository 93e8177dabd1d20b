package sa.mustafeed.core.notification;

import java.util.Optional;
import sa.mustafeed.core.request.ServiceRequest;

/**
 * One change to a request as the table's stream reports it: the state before (absent when new) and
 * after, and the text of a public reply when this change is one.
 */
public record RequestChange(Optional<ServiceRequest> before, ServiceRequest after, Optional<String> reply) {

    public RequestChange(Optional<ServiceRequest> before, ServiceRequest after) {
        this(before, after, Optional.empty());
    }
}
