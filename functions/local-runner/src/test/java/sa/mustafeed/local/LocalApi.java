package sa.mustafeed.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import sa.mustafeed.http.Json;

/** A JSON client for the local runner's API, as the site and the staff console call it. */
final class LocalApi {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;

    LocalApi(LocalRunner runner) {
        this.base = "http://127.0.0.1:" + runner.port();
    }

    String base() {
        return base;
    }

    /** Sends {@code body} (or nothing) with an optional bearer token. */
    HttpResponse<String> send(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return Json.readObject(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
