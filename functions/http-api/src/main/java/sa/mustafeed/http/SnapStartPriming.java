package sa.mustafeed.http;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Before Lambda snapshots an initialised function, the org.crac
 * {@code beforeCheckpoint} hook runs one sample request end to end through an offline copy of the
 * handler (its SDK clients answer in memory, see {@code OfflineAwsClients}): event parsing, the
 * domain, the adapters' SDK calls (endpoint rules, signing, JSON protocol) and the JSON answer are
 * loaded, initialised and JIT-compiled into the snapshot, and nothing reaches AWS. The restored
 * function then serves its first visitor without paying for any of that.
 *
 * <p>Registered only when Lambda initialises for a snapshot ({@code AWS_LAMBDA_INITIALIZATION_TYPE
 * = snap-start}): an on-demand cold start does not pay for it. org.crac holds resources weakly, so
 * the handler keeps the returned instance in a field.
 */
public final class SnapStartPriming implements Resource {
    /**
     * Rounds of the sample request before the snapshot. Lambda snapshots the JIT's compiled code with
     * the heap; one round leaves the request path interpreted, and under SnapStart's full tiered
     * compilation the first few hundred invocations after a restore then run slowly. Measured on the
     * submit handler with offline clients (2 cores, SnapStart's JVM flags; docs/BENCHMARKS.md): after
     * 1 round the next 250 invocations took p50 8.6–12.5 ms, p99 40–45 ms; after 1,000 rounds
     * p50 1.7–2.0 ms, p99 2.7–3.3 ms, for 7 s of priming at snapshot time, never on a visitor's request.
     */
    public static final int ROUNDS = 1000;
    /**
     * A cap for small memory sizes (less CPU): priming is best effort. The hook counts towards the
     * snapshot's init limit, 130 s or the function's timeout if longer (AWS, SnapStart runtime hooks).
     */
    private static final Duration BUDGET = Duration.ofSeconds(30);

    private final Supplier<RequestStreamHandler> offlineHandler;
    private final byte[] event;
    private volatile int lastStatus = -1;
    private volatile int rounds;

    /**
     * @param offlineHandler builds the handler wired to offline clients (called in the hook, not before)
     * @param event an API Gateway event the handler answers without side effects
     */
    public SnapStartPriming(Supplier<RequestStreamHandler> offlineHandler, byte[] event) {
        this.offlineHandler = Objects.requireNonNull(offlineHandler);
        this.event = event.clone();
    }

    /** Reads the sample event from the class path next to {@code owner}. */
    public static byte[] event(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no priming event " + resource + " next to " + owner.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable priming event " + resource, e);
        }
    }

    /** Registers the hook when this start is the one Lambda snapshots; otherwise does nothing. */
    public static Optional<SnapStartPriming> registerIfSnapStart(Supplier<SnapStartPriming> priming) {
        if (!"snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            return Optional.empty();
        }
        SnapStartPriming resource = priming.get();
        Core.getGlobalContext().register(resource);
        return Optional.of(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        RequestStreamHandler handler = offlineHandler.get();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int firstStatus = answer(handler);
        int done = 1;
        lastStatus = firstStatus;
        // An answer that changes means the sample no longer takes one path: stop rather than prime another.
        while (done < ROUNDS && System.nanoTime() < deadline && lastStatus == firstStatus) {
            lastStatus = answer(handler);
            done++;
        }
        rounds = done;
    }

    private int answer(RequestStreamHandler handler) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);
        Object status = Json.readObject(answer.toByteArray()).get("statusCode");
        return status instanceof Number n ? n.intValue() : -1;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the offline handler is garbage once the hook returns; the real clients
        // open connections per call (URLConnection) and, under SnapStart, take credentials from the
        // container endpoint (no key variables there, see AwsClients), so nothing stale survives.
    }

    /** The status the primed request answered with (its last round); -1 before the hook ran. */
    public int lastStatus() {
        return lastStatus;
    }

    /** How many rounds the hook ran: {@link #ROUNDS} unless the budget or a changed answer stopped it. */
    public int rounds() {
        return rounds;
    }
}
