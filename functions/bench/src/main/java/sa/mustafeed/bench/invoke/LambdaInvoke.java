package sa.mustafeed.bench.invoke;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One cold start, the way the java25 managed runtime does it, then exit: the task directory (a copy of
 * the deployment zip's layout, {@code lib/<function>.jar}) goes into a URLClassLoader whose parent is
 * the system class loader, the directory itself first and then {@code lib/*.jar} in name order (the
 * runtime's {@code CustomerClassLoader}, aws-lambda-java-libs), which becomes the thread's context loader;
 * the handler class is loaded and initialised through it and built with its public no-arg
 * constructor; one event is fed to {@code handleRequest}. The runtime's own classes
 * (aws-lambda-java-core's interfaces) come from the system class path, as they do on Lambda.
 *
 * <p>Usage: {@code LambdaInvoke <task dir> <package.Class[::method]> <event.json> <expected status>}.
 * Exits 0 only when the answer carries the expected {@code statusCode}, so a failed run can never
 * pass for a fast one. Deliberately no JSON library: the floor must not pay for one.
 */
public final class LambdaInvoke {
    private LambdaInvoke() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LambdaInvoke <task dir> <Class[::method]> <event.json> <expected status>");
            System.exit(2);
        }
        RequestStreamHandler handler = load(Path.of(args[0]), args[1]);
        byte[] event = Files.readAllBytes(Path.of(args[2]));
        String answer = invoke(handler, event);
        int status = statusOf(answer);
        if (status != Integer.parseInt(args[3])) {
            System.err.println("unexpected answer: " + answer);
            System.exit(1);
        }
    }

    /** Loads and instantiates the handler as the runtime would (class initialisation included). */
    public static RequestStreamHandler load(Path taskRoot, String handler, URL... extra)
            throws ReflectiveOperationException, java.io.IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(taskRoot.toUri().toURL());
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                        .sorted()
                        .toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        urls.addAll(List.of(extra));
        ClassLoader customer = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(customer);
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        Class<?> type = Class.forName(className, true, customer);
        return (RequestStreamHandler) type.getConstructor().newInstance();
    }

    public static String invoke(RequestStreamHandler handler, byte[] event) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, BenchContext.INSTANCE);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The {@code statusCode} of an API Gateway answer, read without a JSON parser; -1 when absent. */
    public static int statusOf(String answer) {
        int key = answer.indexOf("\"statusCode\"");
        if (key < 0) {
            return -1;
        }
        int i = answer.indexOf(':', key) + 1;
        while (i < answer.length() && answer.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < answer.length() && Character.isDigit(answer.charAt(i))) {
            i++;
        }
        return i > start ? Integer.parseInt(answer.substring(start, i)) : -1;
    }
}
