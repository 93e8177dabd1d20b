package sa.mustafeed.core.fakes;

import sa.mustafeed.core.ports.ComplaintsContract;

/** The fake the complaint, staff and documents tests use keeps the complaints' promises. */
class InMemoryComplaintsTest extends ComplaintsContract {
    @Override
    protected Stores emptyStores() {
        InMemoryRequestRepository store = new InMemoryRequestRepository();
        return new Stores(store, store, store);
    }
}
