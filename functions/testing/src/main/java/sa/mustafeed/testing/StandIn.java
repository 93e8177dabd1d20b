package sa.mustafeed.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One messaging provider's WireMock stand-in, served in this JVM from the same folder {@code ./run}
 * serves it from ({@code tests/stand-ins/<provider>/}), on a free loopback port. Its webhooks (the
 * delivery reports) go where the system properties {@link #CALLBACK_PROPERTY} and {@link
 * #TOKEN_PROPERTY} say when they fire; by default back to the stand-in itself, whose journal then
 * shows them.
 */
public final class StandIn implements AutoCloseable {
    /** The origin the stand-ins post delivery reports to (the local runner's, in ./run). */
    public static final String CALLBACK_PROPERTY = "mustafeed.standIn.callbackBase";
    /** The bearer token the Unifonic stand-in's report presents (the messaging secret's webhookToken). */
    public static final String TOKEN_PROPERTY = "mustafeed.standIn.webhookToken";
    /** What the stand-ins' templates may read of the system (WireMock's --permitted-system-keys). */
    public static final String PERMITTED_KEYS = "mustafeed\\.standIn\\..*";

    private final WireMockServer server;

    private StandIn(WireMockServer server) {
        this.server = server;
    }

    /** Starts the stand-in of {@code unifonic} or {@code whatsapp}. */
    public static StandIn start(String provider) {
        Path root = RepositoryRoot.resolve("tests/stand-ins/" + provider);
        if (!Files.isDirectory(root.resolve("mappings"))) {
            throw new IllegalStateException("no stand-in mappings under " + root);
        }
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderDirectory(root.toString())
                .withPermittedSystemKeys(PERMITTED_KEYS)
                .withTemplateEscapingDisabled(true)
                .notifier(new Slf4jNotifier(false)));
        server.start();
        StandIn standIn = new StandIn(server);
        if (System.getProperty(CALLBACK_PROPERTY) == null) {
            callbacksTo(standIn.url(), "stand-in-token");
        }
        return standIn;
    }

    /** Where every stand-in in this JVM posts its reports from now on, with which token. */
    public static void callbacksTo(URI base, String token) {
        System.setProperty(CALLBACK_PROPERTY, base.toString().replaceFirst("/+$", ""));
        System.setProperty(TOKEN_PROPERTY, token);
    }

    public URI url() {
        return URI.create(server.baseUrl());
    }

    public WireMockServer server() {
        return server;
    }

    /** The requests the stand-in received on a path, oldest first. */
    public List<LoggedRequest> requests(String path) {
        return server.findAll(anyRequestedFor(urlPathEqualTo(path)));
    }

    /** Waits (webhooks fire after a delay) until {@code count} requests reached the path. */
    public List<LoggedRequest> awaitRequests(String path, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<LoggedRequest> seen = requests(path);
        while (seen.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            seen = requests(path);
        }
        return seen;
    }

    public void forgetRequests() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }
}
