package sa.mustafeed.core.fakes;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import sa.mustafeed.core.ports.UnlockCodeStore;
import sa.mustafeed.core.reference.ReferenceCode;

/** {@link UnlockCodeStore} in memory, its issue and spend atomic as DynamoDB's conditional writes are. */
public final class InMemoryUnlockCodeStore implements UnlockCodeStore {
    private record Live(String nonce, Instant expiresAt, int tries) {}

    private final Map<String, Live> codes = new ConcurrentHashMap<>();

    @Override
    public boolean issue(ReferenceCode reference, String nonce, Instant now, Instant expiresAt) {
        Live fresh = new Live(nonce, expiresAt, 0);
        Live kept = codes.compute(
                reference.value(), (k, live) -> live != null && live.expiresAt().isAfter(now) ? live : fresh);
        return kept == fresh;
    }

    @Override
    public Optional<String> spendTry(ReferenceCode reference, Instant now, int maxTries) {
        Live[] spent = new Live[1];
        codes.computeIfPresent(reference.value(), (k, live) -> {
            if (live.expiresAt().isAfter(now) && live.tries() < maxTries) {
                spent[0] = new Live(live.nonce(), live.expiresAt(), live.tries() + 1);
                return spent[0];
            }
            return live;
        });
        return Optional.ofNullable(spent[0]).map(Live::nonce);
    }

    @Override
    public void remove(ReferenceCode reference) {
        codes.remove(reference.value());
    }

    /** The live code's nonce, as the notifier reads it from the stream. */
    public Optional<String> nonceOf(ReferenceCode reference) {
        return Optional.ofNullable(codes.get(reference.value())).map(Live::nonce);
    }
}
