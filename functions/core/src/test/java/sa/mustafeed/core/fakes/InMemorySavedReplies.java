package sa.mustafeed.core.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import sa.mustafeed.core.ports.SavedReplies;
import sa.mustafeed.core.staff.SavedReply;

/** {@link SavedReplies} in a sorted map, as the table's one partition keeps them sorted by id. */
public final class InMemorySavedReplies implements SavedReplies {
    private final TreeMap<String, SavedReply> replies = new TreeMap<>();

    @Override
    public synchronized List<SavedReply> all() {
        return new ArrayList<>(replies.values());
    }

    @Override
    public synchronized Optional<SavedReply> find(String id) {
        return Optional.ofNullable(replies.get(id));
    }

    @Override
    public synchronized void save(SavedReply reply) {
        replies.put(reply.id(), reply);
    }

    @Override
    public synchronized void delete(String id) {
        replies.remove(id);
    }
}
