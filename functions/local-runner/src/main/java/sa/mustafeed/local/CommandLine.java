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
 * {@code site/} otherwise), {@code --stack} (mustafeed-local) and {@code --seed} ({@code --seed-requests}, {@code --seed-days}); the providers'
 * stand-ins: {@code --unifonic-url}, {@code --whatsapp-url} and {@code --sms-provider sns|unifonic}
 * (unifonic when its stand-in is given). The Unifonic stand-in's webhook token comes from the
 * environment ({@value #TOKEN_VARIABLE}), never the command line, which every user of the machine sees.
 */
record CommandLine(LocalRunner.Options options, DemoSeed.Size seedSize) {
    static final String TOKEN_VARIABLE = "MUSTAFEED_STAND_IN_WEBHOOK_TOKEN";

    static CommandLine parse(String[] args) {
        return parse(args, System.getenv(TOKEN_VARIABLE));
    }

    static CommandLine parse(String[] args, String webhookToken) {
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
                flags.getOrDefault("stack", "mustafeed-local"),
                new LocalRunner.StandIns(
                        java.util.Optional.ofNullable(flags.get("unifonic-url")).map(URI::create),
                        java.util.Optional.ofNullable(flags.get("whatsapp-url")).map(URI::create),
                        java.util.Optional.ofNullable(flags.get("sms-provider")),
                        webhookToken == null ? "" : webhookToken));
        return new CommandLine(options, seedSize(flags));
    }

    /**
     * {@code --seed}: the demo's 60 requests over four months; {@code --seed-requests N} and
     * {@code --seed-days D} make it bigger (./bench --scale: 50,000 over three years).
     */
    private static DemoSeed.Size seedSize(Map<String, String> flags) {
        boolean asked = flags.containsKey("seed") || flags.containsKey("seed-requests");
        if (!asked) {
            return DemoSeed.Size.NONE;
        }
        try {
            return new DemoSeed.Size(
                    Integer.parseInt(flags.getOrDefault("seed-requests", "60")),
                    Integer.parseInt(flags.getOrDefault("seed-days", "120")));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--seed-requests and --seed-days take whole numbers");
        }
    }

    /** Whether demo data is loaded at start. */
    boolean seed() {
        return seedSize.requests() > 0;
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

    /** What a start prints about the providers' stand-ins, when they run. */
    static List<String> standInLines(LocalRunner.StandIns standIns) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("  SMS      through " + standIns.sms()
                + (standIns.sms().equals("sns") ? " (the emulator records it)" : " (the stand-in below)"));
        standIns.unifonic()
                .ifPresent(url -> lines.add("  unifonic " + url + "  (WireMock stand-in; /__admin/requests)"));
        standIns.whatsapp()
                .ifPresent(url -> lines.add("  whatsapp " + url + "  (WireMock stand-in; /__admin/requests)"));
        return lines;
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
