package sa.mustafeed.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample events under {@code events/}: the same files a developer sends with {@code sam local} or the console. */
public final class SampleEvents {
    private SampleEvents() {}

    public static Path path(String function, String name) {
        return RepositoryRoot.resolve("events/" + function + "/" + name + ".json");
    }

    public static InputStream open(String function, String name) throws IOException {
        return Files.newInputStream(path(function, name));
    }

    /** A fresh sink for a handler's answer. */
    public static ByteArrayOutputStream sink() {
        return new ByteArrayOutputStream();
    }
}
