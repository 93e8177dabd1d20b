package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.http.Json;

/** The development endpoints over real HTTP, with an outbox in memory and the runner's own token issuer. */
class DevEndpointsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final DevTokens tokens = new DevTokens(Clock.systemUTC());
    private final SnsTopics topics = new SnsTopics("me-south-1", "mustafeed-local");
    private final List<Map<String, Object>> received = new java.util.ArrayList<>();
    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        List<Map<String, Object>> outbox =
                List.of(Map.of("channel", "sms", "to", "+9665••••4567", "body", "تم استلام طلبك"));
        topics.subscribe("WhatsAppEventsTopic", "ReceiptsFunction", (in, out, context) -> {
            received.add(Json.readObject(in.readAllBytes()));
            if (received.size() == 3) {
                throw new IllegalStateException("the store is down");
            }
            out.write("{\"receipts\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        DevEndpoints endpoints = new DevEndpoints(tokens, () -> outbox, topics);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (!endpoints.handle(exchange, method, exchange.getRequestURI().getRawPath())) {
                    exchange.sendResponseHeaders(418, -1); // what the runner would hand to the routes or the site
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A raw request: java.net.http will not send a Host other than the URL's, as a rebinding page would. */
    private String rawStatusLine(String method, String path, String host) throws IOException {
        try (java.net.Socket socket =
                new java.net.Socket("127.0.0.1", server.getAddress().getPort())) {
            String head = method + " " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void theDevEndpoints_answerLoopbackHostsOnly_soARebindingPageCannotMintAToken() throws Exception {
        for (String foreign :
                List.of("evil.example", "evil.example:8080", "127.0.0.1.evil.example", "10.0.0.7", "[::2]")) {
            assertStatus(421, rawStatusLine("POST", "/dev/login", foreign), foreign);
            assertStatus(421, rawStatusLine("GET", "/dev/outbox", foreign), foreign);
        }
        for (String own : List.of("127.0.0.1", "localhost:8080", "127.0.0.2:3000", "[::1]:3000", "LOCALHOST")) {
            assertStatus(200, rawStatusLine("GET", "/dev/outbox", own), own);
        }
        // Not a dev path: left to the routes and the site whatever its Host.
        assertStatus(418, rawStatusLine("GET", "/request/", "evil.example"), "a page on a foreign Host");
    }

    /** The JDK server writes no reason phrase for codes it has no name for (421): compare the code only. */
    private static void assertStatus(int expected, String statusLine, String host) {
        assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 " + expected), host + ": " + statusLine);
    }

    @Test
    void isLoopbackHost_readsNameAndPortStrictly() {
        assertTrue(DevEndpoints.isLoopbackHost("127.0.0.1:3000"));
        assertTrue(DevEndpoints.isLoopbackHost("[::1]"));
        assertFalse(DevEndpoints.isLoopbackHost(null));
        assertFalse(DevEndpoints.isLoopbackHost("127.0.0.1:3000:1"));
        assertFalse(DevEndpoints.isLoopbackHost("127.0.0.256"));
        assertFalse(DevEndpoints.isLoopbackHost("localhost.evil.example"));
    }

    @Test
    void login_issuesATokenTheRunnerAccepts_forStaffAndManagersOnly() throws Exception {
        for (String role : List.of("staff", "manager", "volunteer")) {
            HttpResponse<String> answer = send("POST", "/dev/login", "{\"role\":\"" + role + "\"}");
            assertEquals(200, answer.statusCode());
            Map<String, Object> issued = Json.readObject(answer.body().getBytes());
            String token = String.valueOf(issued.get("token"));
            assertTrue(tokens.verify("Bearer " + token).isPresent(), role + ": " + issued.keySet());
        }
        for (String bad : new String[] {"{\"role\":\"admin\"}", "not json", "", "[]"}) {
            HttpResponse<String> refused = send("POST", "/dev/login", bad);
            assertEquals(400, refused.statusCode(), bad);
            assertTrue(refused.body().contains("\"invalid_choice\""), refused.body());
        }
    }

    @Test
    void theOutbox_isItsMessagesAsJson_andItsPage() throws Exception {
        HttpResponse<String> messages = send("GET", "/dev/outbox", null);
        assertEquals(200, messages.statusCode());
        assertEquals(
                List.of(Map.of("channel", "sms", "to", "+9665••••4567", "body", "تم استلام طلبك")),
                Json.readList(messages.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        HttpResponse<String> page = send("GET", "/dev/outbox.html", null);
        assertEquals(200, page.statusCode());
        assertEquals(
                "text/html; charset=utf-8",
                page.headers().firstValue("content-type").orElseThrow());
        assertTrue(page.body().contains("<html"), "the outbox page");
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishingToATopic_invokesItsSubscriberWithTheEventLambdaBuilds() throws Exception {
        HttpResponse<String> answer = send("POST", "/dev/sns/WhatsAppEventsTopic", "{\"messageId\":\"m-1\"}");

        assertEquals(202, answer.statusCode());
        assertEquals(
                Map.of(
                        "topic",
                        "WhatsAppEventsTopic",
                        "deliveries",
                        List.of(Map.of("function", "ReceiptsFunction", "answer", Map.of("receipts", 1)))),
                Json.readObject(answer.body().getBytes()));
        Map<String, Object> record =
                (Map<String, Object>) ((List<Object>) received.getFirst().get("Records")).getFirst();
        assertEquals("aws:sns", record.get("EventSource"));
        assertTrue(String.valueOf(record.get("EventSubscriptionArn"))
                .startsWith("arn:aws:sns:me-south-1:123456789012:mustafeed-local-WhatsAppEventsTopic:"));
        Map<String, Object> sns = (Map<String, Object>) record.get("Sns");
        assertEquals("Notification", sns.get("Type"));
        assertEquals("arn:aws:sns:me-south-1:123456789012:mustafeed-local-WhatsAppEventsTopic", sns.get("TopicArn"));
        assertEquals("{\"messageId\":\"m-1\"}", sns.get("Message"));
        assertTrue(String.valueOf(sns.get("MessageId")).matches("[0-9a-f-]{36}"), String.valueOf(sns.get("MessageId")));
        assertTrue(java.time.Instant.parse(String.valueOf(sns.get("Timestamp")))
                .isBefore(java.time.Instant.now().plusSeconds(1)));
    }

    @Test
    void publishing_refusesAnUnknownTopicAndAnEmptyMessage_andHidesASubscribersFailure() throws Exception {
        assertEquals(404, send("POST", "/dev/sns/NoSuchTopic", "{}").statusCode());
        assertEquals(400, send("POST", "/dev/sns/WhatsAppEventsTopic", "").statusCode());
        assertEquals(0, received.size());

        send("POST", "/dev/sns/WhatsAppEventsTopic", "one");
        send("POST", "/dev/sns/WhatsAppEventsTopic", "two");
        HttpResponse<String> failed = send("POST", "/dev/sns/WhatsAppEventsTopic", "three");

        // SNS accepted the message; the subscriber's failure is the subscriber's (Lambda retries it).
        assertEquals(202, failed.statusCode());
        assertTrue(failed.body().contains("\"failure\":\"IllegalStateException\""), failed.body());
    }

    @Test
    void everythingElse_isLeftToTheRunner() throws Exception {
        assertEquals(418, send("GET", "/dev/login", null).statusCode(), "sign-in is POST only");
        assertEquals(418, send("POST", "/dev/outbox", "{}").statusCode());
        assertEquals(418, send("GET", "/staff/requests", null).statusCode());
        assertEquals(418, send("GET", "/dev/sns/WhatsAppEventsTopic", null).statusCode(), "publishing is POST only");
    }
}
