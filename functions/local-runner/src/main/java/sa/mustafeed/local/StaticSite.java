package sa.mustafeed.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Serves {@code site/} as S3 behind the template's CloudFront distribution ({@link SiteEdge}) will. */
final class StaticSite {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final Path root;
    private final SiteEdge edge;

    StaticSite(Path root, SiteEdge edge) {
        this.root = root.toAbsolutePath().normalize();
        this.edge = edge;
    }

    /** True when the path names a page or file of the site (the staff pages share /staff/ with the API). */
    boolean has(String rawPath) {
        return fileOf(SiteEdge.objectPath(rawPath)).filter(Files::isRegularFile).isPresent();
    }

    /**
     * The file an object path names, inside the site; empty for a path no object could have: one
     * holding a control character, a backslash or a broken escape once decoded (a NUL made the path
     * unusable and the runner answered nothing; a backslash is how {@code /\evil.example} becomes
     * another host in a browser's eyes), or an empty, {@code .} or {@code ..} segment (browsers remove
     * those before sending; S3 keys never hold them).
     */
    private Optional<Path> fileOf(String rawPath) {
        String path;
        try {
            // '+' is a plus in a path (only a form body makes it a space), as S3 reads it.
            path = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException brokenEscape) {
            return Optional.empty();
        }
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return Optional.empty();
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        try {
            Path file = root.resolve(path.substring(1)).normalize();
            return file.startsWith(root) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException unusable) {
            return Optional.empty();
        }
    }

    void serve(HttpExchange exchange) throws IOException {
        // CloudFront adds its response headers policy to every answer, errors included.
        edge.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        // The distribution's viewer-request function, then the bucket: no folder redirects, as in AWS.
        Optional<Path> named =
                fileOf(SiteEdge.objectPath(exchange.getRequestURI().getRawPath()));
        if (named.isEmpty()) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        Path file = named.get();
        if (!Files.isRegularFile(file)) {
            Path notFound = root.resolve("404.html");
            byte[] body = Files.exists(notFound)
                    ? Files.readAllBytes(notFound)
                    : "<!doctype html><html lang=\"ar\" dir=\"rtl\"><title>غير موجود</title><h1>الصفحة غير موجودة</h1></html>"
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", TYPES.get("html"));
            exchange.sendResponseHeaders(404, method.equals("HEAD") ? -1 : body.length);
            if (!method.equals("HEAD")) {
                exchange.getResponseBody().write(body);
            }
            return;
        }
        String name = file.getFileName().toString();
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        exchange.getResponseHeaders().set("content-type", TYPES.getOrDefault(extension, "application/octet-stream"));
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        byte[] body = Files.readAllBytes(file);
        String type = TYPES.getOrDefault(extension, "");
        boolean compressible = type.startsWith("text/") || type.contains("json") || type.contains("svg");
        if (compressible
                && exchange.getRequestHeaders().getOrDefault("accept-encoding", java.util.List.of()).stream()
                        .anyMatch(v -> v.contains("gzip"))) {
            // CloudFront compresses these in production; do the same so local transfer sizes are honest.
            java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream(body.length / 3 + 64);
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(packed)) {
                gzip.write(body);
            }
            body = packed.toByteArray();
            exchange.getResponseHeaders().set("content-encoding", "gzip");
        }
        exchange.getResponseHeaders().set("vary", "accept-encoding");
        exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
        if (!method.equals("HEAD")) {
            exchange.getResponseBody().write(body);
        }
    }
}
