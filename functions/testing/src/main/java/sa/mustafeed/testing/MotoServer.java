package sa.mustafeed.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import sa.mustafeed.localenv.LocalProvisioner;
import sa.mustafeed.localenv.SamTemplate;

/**
 * Starts one moto server per test JVM on a free loopback port (never a fixed one, so parallel
 * builds and a running {@code ./run} do not collide) and stops it when the JVM's tests end.
 * Tests reach it through {@link #endpoint()} and wipe it with {@link #reset()}.
 */
public final class MotoServer implements BeforeAllCallback {
    public static final String REGION = "me-south-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static volatile Running running;

    private record Running(Process process, URI endpoint) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (MotoServer.class) {
            if (running == null) {
                running = start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("moto", running);
            }
        }
    }

    public static URI endpoint() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(MotoServer.class)");
        }
        return running.endpoint();
    }

    /** Creates in moto what template.yaml declares, under a stack name of the test's choosing. */
    public static LocalProvisioner.Provisioned provisionTemplate(String stackName) throws IOException {
        SamTemplate template = SamTemplate.read(RepositoryRoot.resolve("template.yaml"));
        return new LocalProvisioner(template, endpoint(), REGION, stackName, java.util.Map.of()).provision();
    }

    /** Wipes every resource and recorded message, so each test starts from nothing. */
    public static void reset() throws IOException {
        HttpURLConnection connection = (HttpURLConnection)
                endpoint().resolve("/moto-api/reset").toURL().openConnection();
        connection.setRequestMethod("POST");
        if (connection.getResponseCode() != 200) {
            throw new IOException("moto reset answered " + connection.getResponseCode());
        }
    }

    /** Stops the server, to test what the system does while its store is down. */
    public static void stop() throws InterruptedException {
        running.process().destroy();
        running.process().waitFor();
    }

    private static Running start() throws IOException, InterruptedException {
        String executable = System.getProperty("moto.server");
        if (executable == null || !Files.isExecutable(Path.of(executable))) {
            throw new IllegalStateException(
                    "moto_server not found at " + executable + ": run ./test, which installs it");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto-", ".log");
        Process process = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        endpoint.resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() < 500) {
                    System.setProperty("aws.region", REGION);
                    System.setProperty("aws.accessKeyId", "test");
                    System.setProperty("aws.secretAccessKey", "test");
                    return new Running(process, endpoint);
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new IllegalStateException("moto_server did not answer within " + START_TIMEOUT);
    }
}
