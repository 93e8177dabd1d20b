package sa.mustafeed.http;

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

    /** @throws IOException when the bytes are not a JSON object */
    public static Map<String, Object> readObject(byte[] bytes) throws IOException {
        return JSON_.mapFrom(bytes);
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
