package sa.mustafeed.core.ports;

import java.util.Optional;
import sa.mustafeed.core.request.ServiceRequest;

/** Offers a satisfaction survey for a completed request, when the rules allow one. */
public interface SurveyLinks {

    /** The link to put in the completion message, or empty when no survey is offered. */
    Optional<String> linkFor(ServiceRequest completed);
}
