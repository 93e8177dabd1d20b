package sa.mustafeed.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder, where template.yaml, events/ and site/ live. */
public final class RepositoryRoot {
    private RepositoryRoot() {}

    public static Path path() {
        String configured = System.getProperty("repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("template.yaml"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("cannot find the repository root (template.yaml)");
        }
        return here;
    }

    public static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
