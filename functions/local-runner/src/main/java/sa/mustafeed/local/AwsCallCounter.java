package sa.mustafeed.local;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

/**
 * Which AWS calls one API answer made, and how many DynamoDB items they read: the runner puts them
 * in the answer's {@code x-local-aws-calls} and {@code x-local-dynamodb-items-read} headers, so a
 * benchmark (./bench --scale) shows what each view costs on DynamoDB, whatever the emulator's speed,
 * and that no view scans. Registered for every SDK client of the process through the SDK's global
 * interceptor list (the resource beside this class's package in the local runner's jar); it counts
 * only on a thread that {@link #start}ed a tally (and the threads it starts), so the runner's own
 * pollers are not counted.
 */
public final class AwsCallCounter implements ExecutionInterceptor {
    /** Inherited: a report reads its months on virtual threads the answer's thread starts (MonthReads). */
    private static final InheritableThreadLocal<Tally> CURRENT = new InheritableThreadLocal<>();

    /** What one API answer's thread called: {@code "DynamoDb.Query" → 2}, items read. */
    static final class Tally {
        private final Map<String, Integer> calls = new TreeMap<>();
        private int itemsRead;

        /** {@code DynamoDb.GetItem=1 DynamoDb.Query=2}, or {@code none}. */
        synchronized String calls() {
            if (calls.isEmpty()) {
                return "none";
            }
            StringBuilder line = new StringBuilder();
            calls.forEach((name, count) -> line.append(line.isEmpty() ? "" : " ")
                    .append(name)
                    .append('=')
                    .append(count));
            return line.toString();
        }

        synchronized int itemsRead() {
            return itemsRead;
        }
    }

    /** Begins a tally on this thread; {@link #finish} ends it. */
    static void start() {
        CURRENT.set(new Tally());
    }

    static Tally finish() {
        Tally tally = CURRENT.get();
        CURRENT.remove();
        return tally == null ? new Tally() : tally;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Tally tally = CURRENT.get();
        if (tally == null) {
            return;
        }
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        int items = itemsRead(context.response());
        synchronized (tally) {
            tally.calls.merge(name, 1, Integer::sum);
            tally.itemsRead += items;
        }
    }

    /** Items DynamoDB reads (and bills) for the call: a Query's scanned count, before any filter. */
    private static int itemsRead(SdkResponse response) {
        return switch (response) {
            case QueryResponse query -> query.scannedCount() == null ? 0 : query.scannedCount();
            case ScanResponse scan -> scan.scannedCount() == null ? 0 : scan.scannedCount();
            case GetItemResponse get -> get.hasItem() && !get.item().isEmpty() ? 1 : 0;
            case BatchGetItemResponse batch ->
                batch.responses().values().stream()
                        .mapToInt(java.util.List::size)
                        .sum();
            case TransactGetItemsResponse transact -> transact.responses().size();
            default -> 0;
        };
    }
}
