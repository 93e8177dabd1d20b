package sa.mustafeed.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * The frame every HTTP function shares: read the API Gateway event, run the route, map any failure
 * to the public error shape, log one line without personal data, write the answer. A handler never
 * lets an exception escape: Lambda would answer the visitor with a bare 500.
 */
public final class HttpFunction {
    private HttpFunction() {}

    public static void serve(InputStream input, OutputStream output, Function<ApiEvent, ApiResponse> route)
            throws IOException {
        long started = System.nanoTime();
        ApiEvent event = null;
        ApiResponse response;
        Throwable failure = null;
        try {
            event = ApiEvent.fromMap(Json.readObject(input));
            response = route.apply(event);
        } catch (RuntimeException | IOException e) {
            failure = e;
            response = e instanceof RuntimeException runtime
                    ? ErrorAnswers.of(runtime)
                    : ErrorAnswers.of(new IllegalStateException("unreadable event"));
        }
        Json.write(response.toMap(), output);
        log(event, response, failure, (System.nanoTime() - started) / 1_000_000);
    }

    /** Method, path, status, time and the failure's type: never bodies, headers or addresses. */
    private static void log(ApiEvent event, ApiResponse response, Throwable failure, long millis) {
        LogLine line = LogLine.of(response.statusCode() >= 500 ? "ERROR" : "INFO", "request handled");
        if (event != null) {
            line.with("requestId", event.requestId())
                    .with("method", event.method())
                    .with("path", event.path());
        }
        line.with("status", response.statusCode()).with("durationMs", millis);
        if (failure != null && response.statusCode() >= 500) {
            line.with("error", failure.getClass().getName());
            StackTraceElement[] trace = failure.getStackTrace();
            if (trace.length > 0) {
                line.with("at", trace[0].toString());
            }
        }
        line.print();
    }
}
