package sa.mustafeed.bench.invoke;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warm latency in one JVM: loads the handler as {@link LambdaInvoke} does, with the SDK call timer
 * beside the function jar, invokes it once (the cold invocation, then the heap it keeps), then
 * {@code n} more times and writes p50/p99 of each invocation's total time and of its own part
 * (total minus time inside SDK calls). A fresh idempotency key per invocation, when the event carries
 * one, so every submission takes the real path instead of the replay path.
 *
 * <p>Usage: {@code WarmLoop <task dir> <sdk-timer.jar> <Class[::method]> <event.json> <n> <out.json>
 * [<moto endpoint> <table> <region> <partition key to keep>]}: with the last four, what the invocations
 * wrote is deleted every {@value #SWEEP_EVERY} invocations, outside the timed part, because moto copies
 * a whole table for each TransactWriteItems and would otherwise slow down as the table grows.
 */
public final class WarmLoop {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("(\"idempotency-key\"\\s*:\\s*\")[^\"]*(\")");

    /** Few enough items that moto's per-transaction table copy stays small, few enough sweeps to be quick. */
    private static final int SWEEP_EVERY = 10;

    private WarmLoop() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        URL timerJar = Path.of(args[1]).toUri().toURL();
        String template = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8);
        int n = Integer.parseInt(args[4]);
        PrintStream realOut = System.out;
        // The handlers log one line per request to stdout (CloudWatch on Lambda); kept, but not on the console.
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));

        long loadStarted = System.nanoTime();
        RequestStreamHandler handler = LambdaInvoke.load(jar, args[2], timerJar);
        long initNanos = System.nanoTime() - loadStarted;
        Class<?> timer = Class.forName(
                "sa.mustafeed.bench.sdk.SdkCallTimer",
                true,
                Thread.currentThread().getContextClassLoader());
        Method sdkNanos = timer.getMethod("nanos");
        Method sdkCalls = timer.getMethod("calls");

        long firstStarted = System.nanoTime();
        String firstAnswer = LambdaInvoke.invoke(handler, event(template));
        long firstNanos = System.nanoTime() - firstStarted;
        int status = LambdaInvoke.statusOf(firstAnswer);
        if (status >= 300) { // -1: not an API Gateway answer (a stream or queue handler), accepted
            System.err.println("the first invocation did not succeed: " + firstAnswer);
            System.exit(1);
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heapAfterFirst = runtime.totalMemory() - runtime.freeMemory();

        long[] total = new long[n];
        long[] ours = new long[n];
        // Our part of the invocations no collection ran in: tells a slow path of ours from a pause.
        long[] oursWithoutCollection = new long[n];
        int withoutCollection = 0;
        // Our part over the second half only: after the JIT has compiled the hot paths, which at
        // C1 with the runtime's thresholds takes a few hundred invocations.
        long[] oursLastHalf = new long[n];
        int lastHalf = 0;
        int timed = 0;
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long collectionsBefore = collections(collectors);
        long allocated = 0;
        int errors = 0;
        long callsBefore = (long) sdkCalls.invoke(null);
        MotoSweeper sweeper = args.length >= 10 ? new MotoSweeper(args[6], args[7], args[8], args[9]) : null;
        for (int i = 0; i < n; i++) {
            if (sweeper != null && i % SWEEP_EVERY == 0) {
                sweeper.sweep();
            }
            byte[] event = event(template);
            long sdkBefore = (long) sdkNanos.invoke(null);
            long collectionsAtStart = collections(collectors);
            long allocatedAtStart = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            String answer = LambdaInvoke.invoke(handler, event);
            long took = System.nanoTime() - started;
            allocated += threads.getCurrentThreadAllocatedBytes() - allocatedAtStart;
            boolean collected = collections(collectors) != collectionsAtStart;
            long inSdk = (long) sdkNanos.invoke(null) - sdkBefore;
            if (LambdaInvoke.statusOf(answer) != status) {
                // moto on a busy shared machine now and then exceeds the client's 3 s socket timeout
                // (503): counted and reported, not timed; more than 1 % fails the run.
                System.err.println("invocation " + i + " answered differently: " + answer);
                errors++;
                continue;
            }
            total[timed] = took;
            ours[timed] = took - inSdk;
            timed++;
            if (!collected) {
                oursWithoutCollection[withoutCollection++] = took - inSdk;
            }
            if (i >= n / 2) {
                oursLastHalf[lastHalf++] = took - inSdk;
            }
        }
        if (errors * 100 > n) {
            System.err.println(errors + " of " + n + " invocations failed");
            System.exit(1);
        }
        long collectionsDuring = collections(collectors) - collectionsBefore;
        total = Arrays.copyOf(total, timed);
        ours = Arrays.copyOf(ours, timed);
        oursWithoutCollection = Arrays.copyOf(oursWithoutCollection, withoutCollection);
        Arrays.sort(oursWithoutCollection);
        oursLastHalf = Arrays.copyOf(oursLastHalf, lastHalf);
        Arrays.sort(oursLastHalf);
        long calls = (long) sdkCalls.invoke(null) - callsBefore;
        Arrays.sort(total);
        Arrays.sort(ours);
        String result = String.format(
                java.util.Locale.ROOT,
                "{\"status\":%d,\"errors\":%d,\"initMs\":%.1f,\"firstInvokeMs\":%.1f,\"heapAfterFirstMB\":%.1f,\"n\":%d,"
                        + "\"sdkCallsPerInvocation\":%.2f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"oursP50Ms\":%.3f,\"oursP99Ms\":%.3f,"
                        + "\"collections\":%d,\"allocatedKBPerInvocation\":%.1f,\"oursP99WithoutCollectionMs\":%.3f,\"oursP99LastHalfMs\":%.3f}",
                status,
                errors,
                initNanos / 1e6,
                firstNanos / 1e6,
                heapAfterFirst / 1048576.0,
                timed,
                (double) calls / n,
                pct(total, 50) / 1e6,
                pct(total, 99) / 1e6,
                pct(ours, 50) / 1e6,
                pct(ours, 99) / 1e6,
                collectionsDuring,
                allocated / 1024.0 / n,
                pct(oursWithoutCollection, 99) / 1e6,
                pct(oursLastHalf, 99) / 1e6);
        Files.writeString(Path.of(args[5]), result, StandardCharsets.UTF_8);
        realOut.println(result);
    }

    private static long collections(List<GarbageCollectorMXBean> collectors) {
        long count = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            count += collector.getCollectionCount();
        }
        return count;
    }

    /** The sample with a fresh idempotency key, when it carries one. */
    static byte[] event(String template) {
        Matcher m = IDEMPOTENCY_KEY.matcher(template);
        String event = m.find() ? m.replaceFirst("$1" + UUID.randomUUID() + "$2") : template;
        return event.getBytes(StandardCharsets.UTF_8);
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
