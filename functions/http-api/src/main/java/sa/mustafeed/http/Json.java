package sa.mustafeed.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One jackson-jr instance for the process. jackson-jr rather than databind: the handlers only read
 * and write maps, and jackson-jr starts in a fraction of databind's time (no reflection-built
 * serializers), which is paid on every cold start.
 */
public final class Json {
    private static final JSON JSON_ = JSON.builder().build();

    private Json() {}

    /**
     * One JSON object and nothing after it but whitespace: {@code {…} garbage} or two objects in a row
     * would otherwise be read as the first and the rest dropped silently, so a client never learns
     * that part of what it sent was ignored.
     *
     * @throws IOException when the bytes are not exactly one JSON object
     */
    public static Map<String, Object> readObject(byte[] bytes) throws IOException {
        try (JsonParser parser = JSON_.createParser(bytes)) {
            Map<String, Object> object = JSON_.mapFrom(parser);
            if (parser.nextToken() != null) {
                throw new IOException("trailing tokens after the JSON object");
            }
            return object;
        }
    }

    /** @throws IOException when the bytes are not a JSON array */
    public static java.util.List<Object> readList(byte[] bytes) throws IOException {
        return JSON_.listFrom(bytes);
    }

    static Map<String, Object> readObject(InputStream in) throws IOException {
        return JSON_.mapFrom(in);
    }

    public static String write(Object value) {
        try {
            return JSON_.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("maps of strings and numbers always serialise", e);
        }
    }

    static void write(Object value, OutputStream out) throws IOException {
        JSON_.write(value, out);
    }
}
