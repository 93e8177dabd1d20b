package sa.mustafeed.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.ErrorAnswers;
import sa.mustafeed.http.Json;

/**
 * The runner's development-only endpoints, which the deployed system does not have: the sign-in
 * that stands in for Cognito ({@code POST /dev/login}) and the outbox of every SMS and email sent
 * ({@code GET /dev/outbox}, its page {@code /dev/outbox.html}).
 */
final class DevEndpoints {
    /** The outbox's messages, newest last (read from the emulator each time). */
    interface Outbox {
        List<Map<String, Object>> messages() throws IOException, InterruptedException;
    }

    private final DevTokens tokens;
    private final Outbox outbox;

    DevEndpoints(DevTokens tokens, Outbox outbox) {
        this.tokens = tokens;
        this.outbox = outbox;
    }

    /** Answers the exchange when it is one of these endpoints; false (nothing sent) otherwise. */
    boolean handle(HttpExchange exchange, String method, String path) throws IOException, InterruptedException {
        if (path.equals("/dev/login") && method.equals("POST")) {
            login(exchange);
        } else if (path.equals("/dev/outbox") && method.equals("GET")) {
            LocalRunner.send(exchange, ApiResponse.json(200, Json.write(outbox.messages())));
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

    /** Development sign-in: {@code {"role": "staff"|"manager"}} → a token, as Cognito would give after a password. */
    private void login(HttpExchange exchange) throws IOException {
        byte[] body = LocalRunner.readBody(exchange.getRequestBody());
        Object role = null;
        try {
            role = Json.readObject(body == null ? new byte[0] : body).get("role");
        } catch (IOException | RuntimeException malformed) {
            // answered below
        }
        if (!"staff".equals(role) && !"manager".equals(role)) {
            LocalRunner.send(
                    exchange, ErrorAnswers.answer(400, List.of(FieldError.of("role", ErrorCode.INVALID_CHOICE))));
            return;
        }
        LocalRunner.send(exchange, ApiResponse.json(200, Json.write(tokens.issue((String) role))));
    }
}
