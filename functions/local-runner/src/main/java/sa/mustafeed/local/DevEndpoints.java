package sa.mustafeed.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.ErrorAnswers;
import sa.mustafeed.http.Json;

/**
 * The runner's development-only endpoints, which the deployed system does not have: the sign-in
 * that stands in for Cognito ({@code POST /dev/login}), the outbox of every SMS and email sent
 * ({@code GET /dev/outbox}, its page {@code /dev/outbox.html}), and publishing to one of the
 * template's SNS topics ({@code POST /dev/sns/<TopicLogicalId>}, the body is the message: what End
 * User Messaging Social would publish to the WhatsApp events topic), which invokes the subscribed
 * functions as Lambda would and answers 202 with what each answered.
 */
final class DevEndpoints {
    /** The outbox's messages, newest last (read from the emulator each time). */
    interface Outbox {
        List<Map<String, Object>> messages() throws IOException, InterruptedException;
    }

    private static final String SNS_PREFIX = "/dev/sns/";

    private final DevTokens tokens;
    private final Outbox outbox;
    private final SnsTopics topics;

    DevEndpoints(DevTokens tokens, Outbox outbox, SnsTopics topics) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.topics = topics;
    }

    /** Answers the exchange when it is one of these endpoints; false (nothing sent) otherwise. */
    boolean handle(HttpExchange exchange, String method, String path) throws IOException, InterruptedException {
        if (path.startsWith("/dev/")
                && !isLoopbackHost(exchange.getRequestHeaders().getFirst("host"))) {
            // A page on any site can make the browser call 127.0.0.1 under its own name (DNS
            // rebinding); such a request carries that name as its Host. These endpoints mint manager
            // tokens and show every message sent: they answer the developer's own machine only.
            // 421 Misdirected Request: the name asked for is not one this server answers for.
            LocalRunner.send(exchange, ErrorAnswers.answer(421, List.of(FieldError.general(ErrorCode.LOOPBACK_ONLY))));
            return true;
        }
        if (path.equals("/dev/login") && method.equals("POST")) {
            login(exchange);
        } else if (path.equals("/dev/outbox") && method.equals("GET")) {
            LocalRunner.send(exchange, ApiResponse.json(200, Json.write(outbox.messages())));
        } else if (path.startsWith(SNS_PREFIX) && method.equals("POST")) {
            publish(exchange, path.substring(SNS_PREFIX.length()));
        } else if (path.equals("/dev/outbox.html") && method.equals("GET")) {
            byte[] page = DevOutbox.page();
            exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
        } else {
            return false;
        }
        return true;
    }

    /** {@code localhost}, {@code 127.x.x.x} or {@code [::1]}, with or without a port; nothing else, not even no Host. */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && name.substring(1, end).equals("::1") && portOrNothing(name.substring(end + 1));
        }
        int colon = name.indexOf(':');
        String bare = colon < 0 ? name : name.substring(0, colon);
        return (colon < 0 || portOrNothing(name.substring(colon)))
                && (bare.equals("localhost") || bare.matches("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})){3}"));
    }

    private static boolean portOrNothing(String rest) {
        return rest.isEmpty() || rest.matches(":[0-9]{1,5}");
    }

    /** One message to a topic: 404 for a topic no function subscribes to, 400 for an empty message (SNS refuses one too). */
    private void publish(HttpExchange exchange, String topic) throws IOException {
        byte[] body = LocalRunner.readBody(exchange.getRequestBody());
        if (!topics.topics().contains(topic)) {
            LocalRunner.send(
                    exchange, ErrorAnswers.answer(404, List.of(FieldError.general(ErrorCode.ROUTE_NOT_FOUND))));
            return;
        }
        if (body == null || body.length == 0) {
            LocalRunner.send(exchange, ErrorAnswers.answer(400, List.of(FieldError.of("message", ErrorCode.REQUIRED))));
            return;
        }
        List<Map<String, Object>> deliveries = new java.util.ArrayList<>();
        for (SnsTopics.Delivery delivery : topics.publish(topic, new String(body, StandardCharsets.UTF_8))) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("function", delivery.functionName());
            entry.put("answer", delivery.answer());
            if (delivery.failure() != null) {
                entry.put("failure", delivery.failure());
            }
            deliveries.add(entry);
        }
        LocalRunner.send(exchange, ApiResponse.json(202, Json.write(Map.of("topic", topic, "deliveries", deliveries))));
    }

    /** Development sign-in: {@code {"role": "staff"|"manager"|"volunteer"}} → a token, as Cognito would give after a password. */
    private void login(HttpExchange exchange) throws IOException {
        byte[] body = LocalRunner.readBody(exchange.getRequestBody());
        Object role = null;
        try {
            role = Json.readObject(body == null ? new byte[0] : body).get("role");
        } catch (IOException | RuntimeException malformed) {
            // answered below
        }
        if (!"staff".equals(role) && !"manager".equals(role) && !"volunteer".equals(role)) {
            LocalRunner.send(
                    exchange, ErrorAnswers.answer(400, List.of(FieldError.of("role", ErrorCode.INVALID_CHOICE))));
            return;
        }
        LocalRunner.send(exchange, ApiResponse.json(200, Json.write(tokens.issue((String) role))));
    }
}
