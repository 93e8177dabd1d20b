package sa.mustafeed.aws;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a setting of the running function. In Lambda that is the function's own environment. The
 * in-process local runner holds every function in one JVM, whose environment it cannot change: it
 * binds {@link #FUNCTION_ENVIRONMENT} to the one function's template environment while that function
 * is built or invoked, so a function reading another function's variable fails locally as it would
 * in Lambda. Unbound (handler tests), system properties stand in for the environment.
 */
public final class Config {
    /** The environment of the function the local runner is building or invoking; never bound in Lambda. */
    public static final ScopedValue<Map<String, String>> FUNCTION_ENVIRONMENT = ScopedValue.newInstance();

    private Config() {}

    /**
     * The setting, or empty. {@code propertyName} differs from {@code environmentName} only for what
     * Lambda gives every function alike (the region, the SDK's endpoint overrides): those may come
     * from a system property even inside a function's scope.
     */
    public static Optional<String> optional(String environmentName, String propertyName) {
        String value = System.getenv(environmentName);
        boolean scoped = FUNCTION_ENVIRONMENT.isBound();
        if (isBlank(value) && scoped) {
            value = FUNCTION_ENVIRONMENT.get().get(environmentName);
        }
        if (isBlank(value) && (!scoped || !propertyName.equals(environmentName))) {
            value = System.getProperty(propertyName);
        }
        return isBlank(value) ? Optional.empty() : Optional.of(value);
    }

    public static Optional<String> optional(String environmentName) {
        return optional(environmentName, environmentName);
    }

    public static String required(String environmentName, String propertyName) {
        return optional(environmentName, propertyName)
                .orElseThrow(() -> new IllegalStateException("missing setting " + environmentName));
    }

    public static String required(String environmentName) {
        return required(environmentName, environmentName);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
