package sa.mustafeed.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's command line and what it prints. {@code ./run}, the test scripts and the README
 * depend on both, so they stay exactly as they are: {@code --port} (3000), {@code --emulator}
 * (http://127.0.0.1:5000), {@code --region} (me-south-1), {@code --root} (the working directory;
 * its template.yaml), {@code --site} (the folder to serve, the built site; the root's
 * {@code site/} otherwise), {@code --stack} (mustafeed-local) and {@code --seed}.
 */
record CommandLine(LocalRunner.Options options, boolean seed) {

    static CommandLine parse(String[] args) {
        Map<String, String> flags = flags(args);
        Path root = Path.of(flags.getOrDefault("root", ".")).toAbsolutePath().normalize();
        LocalRunner.Options options = new LocalRunner.Options(
                Integer.parseInt(flags.getOrDefault("port", "3000")),
                URI.create(flags.getOrDefault("emulator", "http://127.0.0.1:5000")),
                flags.getOrDefault("region", "me-south-1"),
                root.resolve("template.yaml"),
                flags.containsKey("site")
                        ? Path.of(flags.get("site")).toAbsolutePath().normalize()
                        : root.resolve("site"),
                flags.getOrDefault("stack", "mustafeed-local"));
        return new CommandLine(options, flags.containsKey("seed"));
    }

    /** {@code --name value} pairs; a flag followed by another flag (or by nothing) is {@code "true"}. */
    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            flags.put(args[i].replaceFirst("^--", ""), hasValue ? args[++i] : "true");
        }
        return flags;
    }

    /** The lines a start prints, one URL each. */
    static List<String> banner(int port, List<String> routeKeys, URI emulator) {
        String base = "http://127.0.0.1:" + port;
        return List.of(
                "Mustafeed is running locally (development only):",
                "  site     " + base + "/",
                "  request  " + base + "/request/",
                "  track    " + base + "/track/",
                "  kiosk    " + base + "/kiosk/",
                "  English  " + base + "/en/",
                "  API      " + base + "  (" + String.join(", ", routeKeys) + ")",
                "  outbox   " + base + "/dev/outbox.html  (every SMS and email sent; development only)",
                "  staff    " + base + "/staff/  (development sign-in: choose staff or manager)",
                "  emulator " + emulator + "  (moto; /moto-api/ shows its state)",
                "Press Ctrl-C to stop.");
    }
}
