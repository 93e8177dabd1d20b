package sa.mustafeed.core.fakes;

import sa.mustafeed.core.ports.SavedReplies;
import sa.mustafeed.core.ports.SavedRepliesContract;

/** The fake the staff API's tests use keeps the port's promises. */
class InMemorySavedRepliesTest extends SavedRepliesContract {
    @Override
    protected SavedReplies emptyStore() {
        return new InMemorySavedReplies();
    }
}
