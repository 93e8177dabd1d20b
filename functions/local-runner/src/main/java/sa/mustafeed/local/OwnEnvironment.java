package sa.mustafeed.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import sa.mustafeed.aws.Config;

/**
 * One function's handler with its own environment, as Lambda runs it: built and invoked with
 * {@link Config#FUNCTION_ENVIRONMENT} bound to that function's template variables and nothing else.
 */
final class OwnEnvironment implements RequestStreamHandler {
    /** Builds a handler (its constructor reads settings too). */
    interface Construction {
        RequestStreamHandler build() throws ReflectiveOperationException;
    }

    private final String function;
    private final Map<String, String> environment;
    private final RequestStreamHandler handler;

    private OwnEnvironment(String function, Map<String, String> environment, RequestStreamHandler handler) {
        this.function = function;
        this.environment = environment;
        this.handler = handler;
    }

    /** {@code function}: its logical id, which names the AWS calls it makes ({@link AwsCallLog}). */
    static RequestStreamHandler of(String function, Map<String, String> environment, Construction construction)
            throws ReflectiveOperationException {
        Map<String, String> own = Map.copyOf(environment);
        RequestStreamHandler built = AwsCallLog.as(
                function,
                () -> ScopedValue.where(Config.FUNCTION_ENVIRONMENT, own).call(construction::build));
        return new OwnEnvironment(function, own, built);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        AwsCallLog.as(
                function,
                () -> ScopedValue.where(Config.FUNCTION_ENVIRONMENT, environment)
                        .call(() -> {
                            handler.handleRequest(input, output, context);
                            return null;
                        }));
    }
}
