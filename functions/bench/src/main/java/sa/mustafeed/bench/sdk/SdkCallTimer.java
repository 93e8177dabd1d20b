package sa.mustafeed.bench.sdk;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds up the time spent inside SDK calls (first interceptor hook to last), so the warm benchmark can
 * tell our own code's share of an invocation from the SDK's and the store's. Registered as a global
 * interceptor ({@code software/amazon/awssdk/global/handlers/execution.interceptors}) on the warm
 * benchmark's class path only: never inside a deployed jar.
 */
public final class SdkCallTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");
    /** Read reflectively by the warm loop (this class lives in the function's class loader). */
    public static final AtomicLong NANOS = new AtomicLong();

    public static final AtomicLong CALLS = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        stop(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        stop(attributes);
    }

    private static void stop(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            NANOS.addAndGet(System.nanoTime() - started);
            CALLS.incrementAndGet();
        }
    }

    public static long nanos() {
        return NANOS.get();
    }

    public static long calls() {
        return CALLS.get();
    }
}
