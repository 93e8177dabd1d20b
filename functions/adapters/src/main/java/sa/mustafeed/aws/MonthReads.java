package sa.mustafeed.aws;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import sa.mustafeed.core.errors.StorageUnavailableException;

/**
 * A report's months read side by side, each month's rows kept in month order. A year's service
 * report is 26 Queries (counters and deliveries); one after another they add their round trips up
 * (on DynamoDB 10–30 ms each), side by side the slowest one is what the manager waits for. Virtual
 * threads: the reads wait on the network, and a thread each costs next to nothing; the SDK client
 * is shared and safe across threads. At most {@link #AT_ONCE} at a time: moto answers one call at a
 * time, and 13 whole months of requests at once (a year's export, tried) kept the last waiting past
 * the SDK's call timeout; the export reads its months one after another.
 */
final class MonthReads {
    static final int AT_ONCE = 6;

    private MonthReads() {}

    static <T> List<T> each(YearMonth first, YearMonth last, Function<YearMonth, List<T>> read) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return each(months, read);
    }

    /** Each part (a month's partition) read on its own thread; the rows in the parts' order. */
    static <K, T> List<T> each(List<K> parts, Function<K, List<T>> read) {
        if (parts.size() < 2) {
            return parts.isEmpty() ? List.of() : read.apply(parts.getFirst());
        }
        Semaphore turns = new Semaphore(AT_ONCE);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<T>>> reads = new ArrayList<>();
            for (K month : parts) {
                reads.add(threads.submit(() -> {
                    turns.acquire();
                    try {
                        return read.apply(month);
                    } finally {
                        turns.release();
                    }
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<List<T>> monthRead : reads) {
                out.addAll(monthRead.get());
            }
            return out;
        } catch (ExecutionException failed) {
            // The month's own failure (StorageUnavailableException, or a bug), as if read in this thread.
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("read report months: interrupted", interrupted);
        }
    }
}
