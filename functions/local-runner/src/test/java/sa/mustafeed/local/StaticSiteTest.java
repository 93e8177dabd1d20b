package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site as the runner serves it, over a real socket: paths are sent exactly as a hostile client would. */
class StaticSiteTest {
    @TempDir
    Path root;

    private HttpServer server;
    private StaticSite site;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(root.resolve("request"));
        Files.writeString(root.resolve("request/index.html"), "<!doctype html><title>request</title>");
        Files.createDirectories(root.resolve("a b"));
        Files.writeString(root.resolve("a b/index.html"), "<!doctype html><title>space</title>");
        Files.writeString(root.resolve("c++.txt"), "plus");
        Files.writeString(root.resolve("404.html"), "<!doctype html><title>not found</title>");
        site = new StaticSite(root, SiteEdgeTest.ofRepositoryTemplate());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                site.serve(exchange);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The status line and headers of one raw request; the path is written as given, unescaped by nothing. */
    private List<String> head(String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
            socket.getOutputStream()
                    .write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }

    private static int status(List<String> head) {
        return Integer.parseInt(head.getFirst().split(" ")[1]);
    }

    private static String location(List<String> head) {
        return head.stream()
                .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("location:"))
                .map(line -> line.substring("location:".length()).strip())
                .findFirst()
                .orElse(null);
    }

    private static String header(List<String> head, String name) {
        return head.stream()
                .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst()
                .orElse(null);
    }

    @Test
    void aFolderAndItsExtensionlessName_areThePage_rewrittenAsCloudFrontDoes_neverRedirected() throws IOException {
        for (String path : List.of("/request/", "/request", "/a%20b/", "/a%20b")) {
            List<String> head = head(path);
            assertEquals(200, status(head), path);
            assertEquals(null, location(head), path);
        }
        assertEquals(200, status(head("/c++.txt")), "a plus in a path is a plus, as S3 reads it");
        assertEquals(404, status(head("/nothing-here/")));
        assertEquals(404, status(head("/nothing-here")));
    }

    @Test
    void everyAnswer_carriesTheTemplatesSecurityHeaders_errorsIncluded() throws IOException {
        java.util.Map<String, String> expected =
                SiteEdgeTest.ofRepositoryTemplate().headers();
        for (String path : List.of("/request/", "/c++.txt", "/nothing-here/", "/request%00")) {
            List<String> head = head(path);
            expected.forEach((name, value) -> assertEquals(value, header(head, name), path + " " + name));
        }
    }

    @Test
    void controlCharactersAndBrokenEscapes_getA400_notASilentDrop() throws IOException {
        for (String path :
                List.of("/request%00", "/request/%00index.html", "/%0d%0aSet-Cookie:x=1", "/%7f", "/%zz", "/%")) {
            assertEquals(400, status(head(path)), path);
        }
        assertFalse(site.has("/request%00"));
        assertFalse(site.has("/%zz"));
        assertTrue(site.has("/request/"));
        assertTrue(site.has("/request"));
    }

    @Test
    void aBackslashADotSegmentOrAnEmptySegment_isRefused_neverRedirectedToAnotherHost() throws IOException {
        // Browsers read /\evil.example as //evil.example: no answer here may send them anywhere.
        for (String path : List.of(
                "/%5cevil.example/..%2frequest",
                "/%5c%5cevil.example",
                "/request%5c",
                "/nothing/..%2frequest",
                "/./request",
                "/..%2f..%2fetc%2fpasswd")) {
            List<String> head = head(path);
            assertEquals(400, status(head), path);
            assertEquals(null, location(head), path);
        }
        // The JDK server reads a leading "//" as an authority: whatever it makes of it, never a redirect.
        for (String path : List.of("//request", "//evil.example/")) {
            List<String> head = head(path);
            assertTrue(status(head) == 400 || status(head) == 404, path + " " + head.getFirst());
            assertEquals(null, location(head), path);
        }
    }
}
