package sa.mustafeed.core.staff;

import java.time.LocalDate;
import java.util.Optional;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;

/** A page of the staff queue: filters, order, and where the previous page stopped. */
public record QueueQuery(
        Optional<Status> status,
        Optional<Category> category,
        Optional<Channel> channel,
        LocalDate from,
        LocalDate to,
        boolean newestFirst,
        Optional<String> cursor,
        int pageSize) {}
