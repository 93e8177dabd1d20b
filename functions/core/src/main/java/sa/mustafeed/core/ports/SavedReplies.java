package sa.mustafeed.core.ports;

import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.staff.SavedReply;

/**
 * The association's saved replies: a small set (at most {@link sa.mustafeed.core.staff.SavedReplyService#MAX}),
 * read whole by every employee who opens a request, written by managers. Every method may throw
 * {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface SavedReplies {
    /** Every saved reply, ordered by id. Read in one go, never by scanning other data. */
    List<SavedReply> all();

    Optional<SavedReply> find(String id);

    /** Stores the reply under its id, replacing one that had it. */
    void save(SavedReply reply);

    /** Removes the reply with this id; nothing happens when there is none. */
    void delete(String id);
}
