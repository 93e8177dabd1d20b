package sa.mustafeed.aws;

import java.util.Optional;

/**
 * Reads a setting from the environment (how Lambda passes template values) or, failing that, from a
 * system property (how the in-process local runner passes them, since a JVM cannot change its own
 * environment).
 */
public final class Config {
    private Config() {}

    public static Optional<String> optional(String environmentName, String propertyName) {
        String value = System.getenv(environmentName);
        if (value == null || value.isBlank()) {
            value = System.getProperty(propertyName);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
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
}
