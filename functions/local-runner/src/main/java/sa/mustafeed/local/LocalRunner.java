package sa.mustafeed.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private final HttpServer server;
    private final ExecutorService workers;
    private final ApiRoutes routes;
    private final StaticSite site;
    private final DevEndpoints development;
    private final List<StreamPoller> pollers;
    private final DevTokens tokens;
    private java.util.function.Consumer<DemoSeed.Size> seeder = size -> {};

    private LocalRunner(
            HttpServer server,
            ExecutorService workers,
            ApiRoutes routes,
            StaticSite site,
            DevTokens tokens,
            DevOutbox outbox,
            SnsTopics topics,
            List<StreamPoller> pollers) {
        this.server = server;
        this.workers = workers;
        this.routes = routes;
        this.site = site;
        this.tokens = tokens;
        this.development = new DevEndpoints(tokens, outbox::messages, topics);
        this.pollers = pollers;
    }

    public record Options(
            int port, URI emulator, String region, Path template, Path siteRoot, String stackName, StandIns standIns) {
        /** Without the providers' stand-ins: SMS through SNS in the emulator, no WhatsApp. */
        public Options(int port, URI emulator, String region, Path template, Path siteRoot, String stackName) {
            this(port, emulator, region, template, siteRoot, stackName, StandIns.NONE);
        }
    }

    /**
     * The messaging providers' WireMock stand-ins ({@code ./run} starts them, scripts/lib.sh
     * start_stand_ins): where Unifonic and End User Messaging Social answer, the SMS provider to use
     * ({@code unifonic} when its stand-in runs, else {@code sns}, which the emulator plays), and the
     * webhook token the Unifonic stand-in presents with its delivery reports.
     */
    public record StandIns(
            Optional<URI> unifonic, Optional<URI> whatsapp, Optional<String> smsProvider, String webhookToken) {
        public static final StandIns NONE = new StandIns(Optional.empty(), Optional.empty(), Optional.empty(), "");
        /** What the local messaging secret says Unifonic's AppSid is (the stand-in takes any). */
        static final String LOCAL_APP_SID = "local-stand-in-app-sid";
        /** A fake End User Messaging Social phone number id, in the service's format. */
        static final String LOCAL_PHONE_NUMBER_ID = "phone-number-id-10ca1000000000000000000000000000";

        public StandIns {
            String chosen = smsProvider.orElse(unifonic.isPresent() ? "unifonic" : "sns");
            if (!chosen.equals("sns") && !chosen.equals("unifonic")) {
                throw new IllegalArgumentException("--sms-provider must be sns or unifonic, not " + chosen);
            }
            if (chosen.equals("unifonic") && unifonic.isEmpty()) {
                throw new IllegalArgumentException(
                        "--sms-provider unifonic needs the Unifonic stand-in (--unifonic-url)");
            }
            smsProvider = Optional.of(chosen);
        }

        String sms() {
            return smsProvider.orElseThrow();
        }
    }

    public static LocalRunner start(Options options) throws Exception {
        SamTemplate template = SamTemplate.read(options.template());
        // Bound first: with port 0 the real port is only known now, and links in messages need it.
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 128);
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        LocalProvisioner provisioner = new LocalProvisioner(
                template,
                options.emulator(),
                options.region(),
                options.stackName(),
                Map.of(
                        "Stage",
                        "local",
                        "AllowedOrigin",
                        origin,
                        "SmsProvider",
                        options.standIns().sms(),
                        "WhatsAppPhoneNumberId",
                        options.standIns().whatsapp().isPresent() ? StandIns.LOCAL_PHONE_NUMBER_ID : ""));
        LocalProvisioner.Provisioned provisioned = provisioner.provision();
        Map<String, String> secretsByVariable = secretsByVariable(template, provisioner, provisioned);
        AwsCallLog.startIfAsked(template, provisioned);

        LocalClients.exportForFunctions(options.emulator(), options.region());
        LocalClients clients = LocalClients.of(options.emulator(), options.region());
        useStandIns(options.standIns(), clients, secretsByVariable.get("MESSAGING_SECRET_ARN"));

        ApiRoutes routes = new ApiRoutes();
        List<StreamPoller> pollers = new java.util.ArrayList<>();
        SnsTopics topics = new SnsTopics(options.region(), options.stackName());
        for (SamTemplate.Function function : template.functions()) {
            if (function.routes().isEmpty()
                    && function.streams().isEmpty()
                    && function.snsTopics().isEmpty()) {
                continue;
            }
            RequestStreamHandler handler = OwnEnvironment.of(
                    function.logicalId(),
                    localEnvironment(provisioner.environmentOf(function, provisioned), origin, options.standIns()),
                    () -> instantiate(function.handler()));
            for (SamTemplate.Route route : function.routes()) {
                routes.add(new ApiRoutes.Route(
                        route.method(), route.path(), function.logicalId(), handler, route.authorizer()));
            }
            for (String topic : function.snsTopics()) {
                topics.subscribe(topic, function.logicalId(), handler);
            }
            for (SamTemplate.StreamSource source : function.streams()) {
                pollers.add(new StreamPoller(
                        function.logicalId(),
                        handler,
                        source,
                        provisioned.attribute(source.tableLogicalId(), "StreamArn"),
                        options.region(),
                        clients.streams(),
                        clients.sqs(),
                        source.onFailureQueueLogicalId()
                                .map(id -> provisioned.refs().get(id))));
            }
        }
        for (StreamPoller poller : pollers) {
            Thread.ofPlatform()
                    .daemon()
                    .name("stream-" + pollers.indexOf(poller))
                    .start(poller);
        }
        String table = template.logicalIdsOfType("AWS::DynamoDB::Table").stream()
                .findFirst()
                .map(id -> provisioned.refs().get(id))
                .orElse("");
        DevOutbox outbox = new DevOutbox(options.emulator(), clients.dynamoDb(), table, options.standIns());

        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(workers);
        LocalRunner runner = new LocalRunner(
                server,
                workers,
                routes,
                new StaticSite(options.siteRoot(), siteEdge(template, provisioner, provisioned, origin, options)),
                new DevTokens(java.time.Clock.systemUTC()),
                outbox,
                topics,
                pollers);
        String secretArn = secretsByVariable.getOrDefault("HASH_KEY_SECRET_ARN", "");
        runner.seeder = size -> {
            boolean history = size.sendsNoMessages();
            if (history) {
                pollers.forEach(StreamPoller::hold);
            }
            try (var secrets = clients.secrets()) {
                byte[] key = sa.mustafeed.aws.SecretsManagerHashKey.load(secrets, secretArn);
                int made = DemoSeed.seed(
                        clients.dynamoDb(),
                        table,
                        new sa.mustafeed.core.privacy.KeyedHasher(key),
                        sa.mustafeed.http.ServiceLevelsFile.load(),
                        size);
                System.out.println("  seeded   " + made + " demo requests over the last " + size.days()
                        + " days, with survey answers" + (history ? " (their messages not sent)" : ""));
                new sa.mustafeed.aws.DynamoDbKioskRegistry(clients.dynamoDb(), table)
                        .all().stream()
                                .filter(sa.mustafeed.core.survey.Kiosk::active)
                                .forEach(k -> System.out.println(
                                        "  lobby    " + origin + k.feedbackPath() + "  (" + k.label() + ")"));
            } finally {
                if (history) {
                    pollers.forEach(StreamPoller::resumeFromNewest);
                }
            }
        };
        server.createContext("/", runner::handle);
        server.start();
        return runner;
    }

    /**
     * A function's template environment as it runs here: links in messages lead to this local site,
     * not the (absent) CDN, and a function that sends SMS reaches Unifonic's stand-in.
     */
    static Map<String, String> localEnvironment(Map<String, String> template, String origin, StandIns standIns) {
        Map<String, String> environment = new java.util.LinkedHashMap<>(template);
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.computeIfPresent("SITE_URL", (name, deployed) -> origin);
        if (environment.containsKey("SMS_PROVIDER")) {
            standIns.unifonic().ifPresent(url -> environment.put("UNIFONIC_API_URL", url.toString()));
        }
        return environment;
    }

    /**
     * The deployed distribution's edge, locally: the API answers on this runner's own origin and
     * presigned uploads go to the emulator, so those are the CSP's origins for them here; every other
     * source (the staff sign-in domain) resolves as CloudFormation would.
     */
    private static SiteEdge siteEdge(
            SamTemplate template,
            LocalProvisioner provisioner,
            LocalProvisioner.Provisioned provisioned,
            String origin,
            Options options) {
        URI emulator = options.emulator();
        String emulatorOrigin = emulator.getScheme() + "://" + emulator.getAuthority();
        return SiteEdge.of(
                template,
                Map.of("HttpApi", origin, "DocumentsBucket", emulatorOrigin),
                text -> provisioner.substitute(text, provisioned));
    }

    /** Each secret a function names in its environment, by the variable's name (HASH_KEY_SECRET_ARN…). */
    private static Map<String, String> secretsByVariable(
            SamTemplate template, LocalProvisioner provisioner, LocalProvisioner.Provisioned provisioned) {
        java.util.Set<String> secretArns = new java.util.HashSet<>();
        template.logicalIdsOfType("AWS::SecretsManager::Secret")
                .forEach(id -> secretArns.add(provisioned.refs().get(id)));
        Map<String, String> byVariable = new java.util.HashMap<>();
        for (SamTemplate.Function function : template.functions()) {
            provisioner.environmentOf(function, provisioned).forEach((name, value) -> {
                if (secretArns.contains(value)) {
                    byVariable.put(name, value);
                }
            });
        }
        return byVariable;
    }

    /**
     * Points the functions at the stand-ins, as Lambda's environment would name the real providers:
     * End User Messaging Social's endpoint (the SDK's service override, alike for every function),
     * and a messaging secret whose webhook token is the one the Unifonic stand-in presents.
     * Unifonic's URL goes into each SMS-sending function's own environment ({@link #localEnvironment}).
     */
    private static void useStandIns(StandIns standIns, LocalClients clients, String messagingSecretArn) {
        // Cleared without them: a runner started earlier in this JVM (tests) may have set them.
        standIns.whatsapp()
                .ifPresentOrElse(
                        url -> System.setProperty("aws.endpointUrlSocialMessaging", url.toString()),
                        () -> System.clearProperty("aws.endpointUrlSocialMessaging"));
        if (messagingSecretArn != null && standIns.unifonic().isPresent()) {
            String token = standIns.webhookToken().isBlank()
                    ? java.util.UUID.randomUUID().toString()
                    : standIns.webhookToken();
            try (var secrets = clients.secrets()) {
                secrets.putSecretValue(p -> p.secretId(messagingSecretArn)
                        .secretString(sa.mustafeed.http.Json.write(
                                Map.of("unifonicAppSid", StandIns.LOCAL_APP_SID, "webhookToken", token))));
            }
        }
    }

    /** Loads realistic demo requests, work and survey answers (./run --seed). */
    void seedDemoData(DemoSeed.Size size) {
        seeder.accept(size);
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
            if (development.handle(exchange, method, path)) {
                return;
            }
            Optional<ApiRoutes.Match> match = routes.match(method, path);
            if (match.isPresent()) {
                invoke(exchange, match.get());
            } else if (routes.isApiNamespace(path) && !site.has(path)) {
                ErrorCode code = routes.knowsPath(path) ? ErrorCode.METHOD_NOT_ALLOWED : ErrorCode.ROUTE_NOT_FOUND;
                ApiResponse refusal = ErrorAnswers.answer(
                        code == ErrorCode.METHOD_NOT_ALLOWED ? 405 : 404, List.of(FieldError.general(code)));
                // RFC 9110 §15.5.6: a 405 names the methods the resource does allow.
                send(
                        exchange,
                        code == ErrorCode.METHOD_NOT_ALLOWED
                                ? refusal.withHeader("allow", String.join(", ", routes.methodsOf(path)))
                                : refusal);
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

    /** Plays API Gateway for one route: the authorizer, the body limit, the event, the function, the answer. */
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
        ApiGatewayEvents.Incoming incoming = new ApiGatewayEvents.Incoming(
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                exchange.getRequestHeaders(),
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                body);
        Map<String, Object> event = ApiGatewayEvents.event(
                incoming, match.route().routeKey(), match.pathParameters(), claims, requestId, Instant.now());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        AwsCallCounter.start();
        AwsCallCounter.Tally calls;
        try {
            match.route()
                    .handler()
                    .handleRequest(
                            new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
                            output,
                            new LocalContext(match.route().functionName(), requestId, 10_000));
        } finally {
            calls = AwsCallCounter.finish();
        }
        ApiGatewayEvents.Answer answer = ApiGatewayEvents.answer(output.toByteArray());
        byte[] bytes = answer.body();
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("x-local-aws-calls", calls.calls());
        exchange.getResponseHeaders().set("x-local-dynamodb-items-read", Integer.toString(calls.itemsRead()));
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The body, or null when it is over API Gateway's limit. */
    static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }

    static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.statusCode(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    public static void main(String[] args) throws Exception {
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (IllegalArgumentException wrongFlag) {
            System.err.println(wrongFlag.getMessage());
            System.exit(2);
            return;
        }
        Options options = command.options();
        if (!Files.exists(options.template())) {
            System.err.println("no template.yaml under " + options.template().getParent());
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
            System.err.println(
                    "could not prepare the emulator at " + options.emulator() + ": " + emulatorTrouble.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
        if (command.seed()) {
            runner.seedDemoData(command.seedSize());
        }
        List<String> lines =
                new java.util.ArrayList<>(CommandLine.banner(runner.port(), runner.routeKeys(), options.emulator()));
        // Before the closing "Press Ctrl-C" line.
        lines.addAll(lines.size() - 1, CommandLine.standInLines(options.standIns()));
        lines.forEach(System.out::println);
        Thread.currentThread().join();
    }
}
