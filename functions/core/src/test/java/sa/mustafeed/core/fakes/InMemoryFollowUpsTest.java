package sa.mustafeed.core.fakes;

import sa.mustafeed.core.ports.FollowUpsContract;

/** The fake the survey and staff tests use keeps the follow-ups' promises. */
class InMemoryFollowUpsTest extends FollowUpsContract {
    @Override
    protected Stores emptyStores() {
        InMemorySurveyStore store = new InMemorySurveyStore();
        return new Stores(store, store, store);
    }
}
