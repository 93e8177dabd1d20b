package sa.mustafeed.core.fakes;

import sa.mustafeed.core.ports.KioskRegistry;
import sa.mustafeed.core.ports.KioskRegistryContract;

/** The fake the survey and staff tests use keeps the port's promises. */
class InMemoryKioskRegistryTest extends KioskRegistryContract {
    @Override
    protected KioskRegistry emptyRegistry() {
        return new InMemoryKioskRegistry();
    }
}
