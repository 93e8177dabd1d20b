package sa.mustafeed.bench.invoke;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the SnapStart priming hook buys the invocations after a restore, without Firecracker: one JVM
 * with SnapStart's compilation flags loads the handler as {@link LambdaInvoke} does; when the
 * environment says {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} the handler registers its hook
 * and this runs that hook's {@code beforeCheckpoint}, as the runtime does before the snapshot; then the next {@code n} invocations are timed against the emulator, total and our part
 * (total minus the time inside SDK calls). A restore resumes that same heap and code cache, so the
 * invocations here stand for the first ones after a restore.
 *
 * <p>Usage: {@code PrimingEffect <task dir> <sdk-timer.jar> <Class[::method]> <event.json> <n>}; prints one
 * JSON line.
 */
public final class PrimingEffect {
    private PrimingEffect() {}

    public static void main(String[] args) throws Exception {
        URL timerJar = Path.of(args[1]).toUri().toURL();
        String template = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8);
        int n = Integer.parseInt(args[4]);
        var realOut = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));

        RequestStreamHandler handler = LambdaInvoke.load(Path.of(args[0]), args[2], timerJar);
        ClassLoader functionLoader = Thread.currentThread().getContextClassLoader();
        long primingNanos = 0;
        boolean snapStart = "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
        if (snapStart) {
            // org.crac refuses a direct call of its global context's hook outside a checkpoint, so the
            // hook the handler registered is run the way that context would run it: found where the
            // handler keeps it (org.crac holds resources weakly; each API handler keeps its own).
            Object resource = null;
            for (var field : handler.getClass().getDeclaredFields()) {
                if (field.getType() == java.util.Optional.class
                        && field.getName().equals("priming")) {
                    field.setAccessible(true);
                    resource = ((java.util.Optional<?>) field.get(handler)).orElse(null);
                }
            }
            if (resource == null) {
                System.err.println(handler.getClass().getName() + " registered no priming hook under snap-start");
                System.exit(1);
            }
            Method before = Class.forName("org.crac.Resource", true, functionLoader)
                    .getMethod("beforeCheckpoint", Class.forName("org.crac.Context", true, functionLoader));
            long started = System.nanoTime();
            before.invoke(resource, (Object) null);
            primingNanos = System.nanoTime() - started;
        }
        Class<?> timer = Class.forName("sa.mustafeed.bench.sdk.SdkCallTimer", true, functionLoader);
        Method sdkNanos = timer.getMethod("nanos");

        long[] total = new long[n];
        long[] ours = new long[n];
        int status = -1;
        for (int i = 0; i < n; i++) {
            byte[] event = WarmLoop.event(template);
            long sdkBefore = (long) sdkNanos.invoke(null);
            long started = System.nanoTime();
            String answer = LambdaInvoke.invoke(handler, event);
            total[i] = System.nanoTime() - started;
            ours[i] = total[i] - ((long) sdkNanos.invoke(null) - sdkBefore);
            int answered = LambdaInvoke.statusOf(answer);
            if (i == 0) {
                status = answered;
            } else if (answered != status) {
                System.err.println("invocation " + i + " answered " + answered + ", the first " + status);
                System.exit(1);
            }
        }
        long firstTotal = total[0];
        long firstOurs = ours[0];
        Arrays.sort(total);
        Arrays.sort(ours);
        realOut.println(String.format(
                java.util.Locale.ROOT,
                "{\"primed\":%b,\"primingMs\":%.0f,\"status\":%d,\"n\":%d,\"firstMs\":%.2f,\"firstOursMs\":%.2f,"
                        + "\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"oursP50Ms\":%.2f,\"oursP99Ms\":%.2f}",
                snapStart,
                primingNanos / 1e6,
                status,
                n,
                firstTotal / 1e6,
                firstOurs / 1e6,
                WarmLoop.pct(total, 50) / 1e6,
                WarmLoop.pct(total, 99) / 1e6,
                WarmLoop.pct(ours, 50) / 1e6,
                WarmLoop.pct(ours, 99) / 1e6));
    }
}
