package sa.mustafeed.core.fakes;

import sa.mustafeed.core.ports.UnlockCodeStore;
import sa.mustafeed.core.ports.UnlockCodeStoreContract;

class InMemoryUnlockCodeStoreTest extends UnlockCodeStoreContract {
    @Override
    protected UnlockCodeStore emptyStore() {
        return new InMemoryUnlockCodeStore();
    }
}
