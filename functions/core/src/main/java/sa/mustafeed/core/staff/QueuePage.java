package sa.mustafeed.core.staff;

import java.util.List;
import java.util.Optional;

/** One page of requests with their clocks; {@code nextCursor} is empty on the last page. */
public record QueuePage(List<CaseSummary> items, Optional<String> nextCursor) {
    public QueuePage {
        items = List.copyOf(items);
    }
}
