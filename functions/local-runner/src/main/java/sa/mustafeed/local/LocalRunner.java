package sa.mustafeed.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.ErrorAnswers;
import sa.mustafeed.http.Json;
import sa.mustafeed.localenv.LocalProvisioner;
import sa.mustafeed.localenv.SamTemplate;

/**
 * The whole system on one port, for development: creates the template's resources in the emulator,
 * then answers each HttpApi route of template.yaml by invoking its handler class in-process with a
 * real API Gateway HTTP API (payload 2.0) event, and serves {@code site/} for everything else.
 * Never deployed.
 */
public final class LocalRunner implements AutoCloseable {
    /** API Gateway refuses bodies over 10 MB before any function runs. */
    private static final int MAX_BODY = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService workers;
    private final ApiRoutes routes;
    private final StaticSite site;
    private final DevOutbox outbox;
    private final List<StreamPoller> pollers;
    private final DevTokens tokens = new DevTokens(java.time.Clock.systemUTC());
    private Runnable seeder = () -> { };

    private LocalRunner(HttpServer server, ExecutorService workers, ApiRoutes routes, StaticSite site, DevOutbox outbox,
            List<StreamPoller> pollers) {
        this.server = server;
        this.workers = workers;
        this.routes = routes;
        this.site = site;
        this.outbox = outbox;
        this.pollers = pollers;
    }

    public record Options(int port, URI emulator, String region, Path template, Path siteRoot, String stackName) {
    }

    public static LocalRunner start(Options options) throws Exception {
        SamTemplate template = SamTemplate.read(options.template());
        // Bound first: with port 0 the real port is only known now, and links in messages need it.
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 128);
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        LocalProvisioner provisioner = new LocalProvisioner(template, options.emulator(), options.region(),
                options.stackName(), Map.of("Stage", "local", "AllowedOrigin", origin));
        LocalProvisioner.Provisioned provisioned = provisioner.provision();

        // The handlers build their SDK clients from these, exactly as they read Lambda's environment.
        System.setProperty("aws.endpointUrl", options.emulator().toString());
        System.setProperty("aws.region", options.region());
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));

        var http = software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create();
        var credentials = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local"));
        var region = software.amazon.awssdk.regions.Region.of(options.region());
        var streams = software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder().httpClient(http)
                .region(region).credentialsProvider(credentials).endpointOverride(options.emulator()).build();
        var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().httpClient(http)
                .region(region).credentialsProvider(credentials).endpointOverride(options.emulator()).build();
        var dynamoDb = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().httpClient(http)
                .region(region).credentialsProvider(credentials).endpointOverride(options.emulator()).build();

        ApiRoutes routes = new ApiRoutes();
        List<StreamPoller> pollers = new java.util.ArrayList<>();
        for (SamTemplate.Function function : template.functions()) {
            if (function.routes().isEmpty() && function.streams().isEmpty()) {
                continue;
            }
            provisioner.environmentOf(function, provisioned).forEach((name, value) -> {
                if (!name.equals("JAVA_TOOL_OPTIONS")) {
                    // Links in messages must lead to this local site, not the (absent) CDN.
                    System.setProperty(name, name.equals("SITE_URL") ? origin : value);
                }
            });
            RequestStreamHandler handler = instantiate(function.handler());
            for (SamTemplate.Route route : function.routes()) {
                routes.add(new ApiRoutes.Route(route.method(), route.path(), function.logicalId(), handler,
                        route.authorizer()));
            }
            for (SamTemplate.StreamSource source : function.streams()) {
                pollers.add(new StreamPoller(function.logicalId(), handler, source,
                        provisioned.attribute(source.tableLogicalId(), "StreamArn"), options.region(), streams, sqs,
                        source.onFailureQueueLogicalId().map(id -> provisioned.refs().get(id))));
            }
        }
        for (StreamPoller poller : pollers) {
            Thread.ofPlatform().daemon().name("stream-" + pollers.indexOf(poller)).start(poller);
        }
        String table = template.logicalIdsOfType("AWS::DynamoDB::Table").stream().findFirst()
                .map(id -> provisioned.refs().get(id)).orElse("");
        DevOutbox outbox = new DevOutbox(options.emulator(), dynamoDb, table);

        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(workers);
        LocalRunner runner = new LocalRunner(server, workers, routes, new StaticSite(options.siteRoot()), outbox, pollers);
        String secretArn = template.logicalIdsOfType("AWS::SecretsManager::Secret").stream().findFirst()
                .map(id -> provisioned.refs().get(id)).orElse("");
        runner.seeder = () -> {
            try (var secrets = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                    .httpClient(http).region(region).credentialsProvider(credentials)
                    .endpointOverride(options.emulator()).build()) {
                byte[] key = sa.mustafeed.aws.SecretsManagerHashKey.load(secrets, secretArn);
                int made = DemoSeed.seed(dynamoDb, table, new sa.mustafeed.core.privacy.KeyedHasher(key),
                        sa.mustafeed.http.ServiceLevelsFile.load(), 60);
                System.out.println("  seeded   " + made + " demo requests over the last four months, with survey answers");
            }
        };
        server.createContext("/", runner::handle);
        server.start();
        return runner;
    }

    /** Loads realistic demo requests, work and survey answers (./run --seed). */
    public void seedDemoData() {
        seeder.run();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The development sign-in this runner checks tokens against (tests mint expired ones with it). */
    DevTokens devTokens() {
        return tokens;
    }

    public List<String> routeKeys() {
        return routes.all().stream().map(ApiRoutes.Route::routeKey).toList();
    }

    @Override
    public void close() {
        pollers.forEach(StreamPoller::stop);
        server.stop(0);
        workers.shutdownNow();
    }

    private static RequestStreamHandler instantiate(String handler) throws ReflectiveOperationException {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        return (RequestStreamHandler) Class.forName(className).getConstructor().newInstance();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            Optional<ApiRoutes.Match> match = routes.match(method, path);
            if (path.equals("/dev/login") && method.equals("POST")) {
                devLogin(exchange);
            } else if (path.equals("/dev/outbox") && method.equals("GET")) {
                send(exchange, ApiResponse.json(200, Json.write(outbox.messages())));
            } else if (path.equals("/dev/outbox.html") && method.equals("GET")) {
                byte[] page = DevOutbox.page();
                exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            } else if (match.isPresent()) {
                invoke(exchange, match.get());
            } else if (routes.isApiNamespace(path) && !site.has(path)) {
                ErrorCode code = routes.knowsPath(path) ? ErrorCode.METHOD_NOT_ALLOWED : ErrorCode.ROUTE_NOT_FOUND;
                ApiResponse refusal = ErrorAnswers.answer(code == ErrorCode.METHOD_NOT_ALLOWED ? 405 : 404,
                        List.of(FieldError.general(code)));
                // RFC 9110 §15.5.6: a 405 names the methods the resource does allow.
                send(exchange, code == ErrorCode.METHOD_NOT_ALLOWED
                        ? refusal.withHeader("allow", String.join(", ", routes.methodsOf(path))) : refusal);
            } else {
                site.serve(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        } catch (RuntimeException e) {
            // The runner itself failed, not a function: say so plainly, as API Gateway would.
            System.err.println("local runner: " + e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** Development sign-in: {@code {"role": "staff"|"manager"}} → a token, as Cognito would give after a password. */
    private void devLogin(HttpExchange exchange) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        Object role = null;
        try {
            role = Json.readObject(body == null ? new byte[0] : body).get("role");
        } catch (IOException | RuntimeException malformed) {
            // answered below
        }
        if (!"staff".equals(role) && !"manager".equals(role)) {
            send(exchange, ErrorAnswers.answer(400, List.of(FieldError.of("role", ErrorCode.INVALID_CHOICE))));
            return;
        }
        send(exchange, ApiResponse.json(200, Json.write(tokens.issue((String) role))));
    }

    @SuppressWarnings("unchecked")
    private void invoke(HttpExchange exchange, ApiRoutes.Match match) throws IOException {
        Optional<Map<String, String>> claims = Optional.empty();
        if (match.route().authorizer().isPresent()) {
            // What the HTTP API's JWT authorizer does before any function runs.
            claims = tokens.verify(exchange.getRequestHeaders().getFirst("authorization"));
            if (claims.isEmpty()) {
                send(exchange, ErrorAnswers.answer(401, List.of(FieldError.general(ErrorCode.UNAUTHORIZED))));
                return;
            }
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            send(exchange, ErrorAnswers.answer(413, List.of(FieldError.general(ErrorCode.PAYLOAD_TOO_LARGE))));
            return;
        }
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> event = apiGatewayEvent(exchange, match, body, requestId);
        claims.ifPresent(c -> ((Map<String, Object>) event.get("requestContext")).put("authorizer",
                Map.of("jwt", Map.of("claims", c, "scopes", List.of()))));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        match.route().handler().handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
                output, new LocalContext(match.route().functionName(), requestId, 10_000));
        Map<String, Object> answer = Json.readObject(output.toByteArray());
        int status = ((Number) answer.getOrDefault("statusCode", 200)).intValue();
        Map<?, ?> headers = answer.get("headers") instanceof Map<?, ?> h ? h : Map.of();
        Object rawBody = answer.get("body");
        byte[] bytes = rawBody == null ? new byte[0]
                : Boolean.TRUE.equals(answer.get("isBase64Encoded")) ? Base64.getDecoder().decode(rawBody.toString())
                : rawBody.toString().getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(String.valueOf(k), String.valueOf(v)));
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The event API Gateway sends for payload format 2.0 (header names lower-case, repeats joined by commas). */
    private static Map<String, Object> apiGatewayEvent(HttpExchange exchange, ApiRoutes.Match match, byte[] body,
            String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = contentType.isEmpty() || contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded");
        Instant now = Instant.now();
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        http.put("path", exchange.getRequestURI().getRawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "123456789012");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "127.0.0.1"));
        context.put("domainPrefix", "local");
        context.put("http", http);
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", exchange.getRequestURI().getRawPath());
        String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        event.put("rawQueryString", rawQuery);
        if (!rawQuery.isEmpty()) {
            // Payload 2.0: repeated parameters are joined with commas.
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.merge(name, value, (a, b) -> a + "," + b);
            }
            event.put("queryStringParameters", parameters);
        }
        event.put("headers", headers);
        if (!match.pathParameters().isEmpty()) {
            event.put("pathParameters", match.pathParameters());
        }
        event.put("requestContext", context);
        if (body.length > 0) {
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        }
        event.put("isBase64Encoded", body.length > 0 && !text);
        return event;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.statusCode(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            flags.put(args[i].replaceFirst("^--", ""), hasValue ? args[++i] : "true");
        }
        Path root = Path.of(flags.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Options options = new Options(
                Integer.parseInt(flags.getOrDefault("port", "3000")),
                URI.create(flags.getOrDefault("emulator", "http://127.0.0.1:5000")),
                flags.getOrDefault("region", "me-south-1"),
                root.resolve("template.yaml"),
                // --site names the folder to serve (the built site); the source folder otherwise.
                flags.containsKey("site") ? Path.of(flags.get("site")).toAbsolutePath().normalize() : root.resolve("site"),
                flags.getOrDefault("stack", "mustafeed-local"));
        if (!Files.exists(options.template())) {
            System.err.println("no template.yaml under " + root);
            System.exit(2);
        }
        LocalRunner runner;
        try {
            runner = start(options);
        } catch (java.net.BindException inUse) {
            System.err.println("port " + options.port() + " is already in use: stop what uses it or pass --port N");
            System.exit(1);
            return;
        } catch (java.io.IOException | software.amazon.awssdk.core.exception.SdkException emulatorTrouble) {
            System.err.println("could not prepare the emulator at " + options.emulator() + ": " + emulatorTrouble.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
        if (flags.containsKey("seed")) {
            runner.seedDemoData();
        }
        String base = "http://127.0.0.1:" + runner.port();
        System.out.println("Mustafeed is running locally (development only):");
        System.out.println("  site     " + base + "/");
        System.out.println("  request  " + base + "/request/");
        System.out.println("  track    " + base + "/track/");
        System.out.println("  kiosk    " + base + "/kiosk/");
        System.out.println("  English  " + base + "/en/");
        System.out.println("  API      " + base + "  (" + String.join(", ", runner.routeKeys()) + ")");
        System.out.println("  outbox   " + base + "/dev/outbox.html  (every SMS and email sent; development only)");
        System.out.println("  staff    " + base + "/staff/  (development sign-in: choose staff or manager)");
        System.out.println("  emulator " + options.emulator() + "  (moto; /moto-api/ shows its state)");
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }
}
