package sa.mustafeed.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One log line as one JSON object, the shape every function writes (Lambda's JSON log format keeps
 * it as a structured record): {@code level} and {@code message} first, then the fields in the order
 * added. Callers add only what carries no personal data: references, statuses, codes, times.
 */
public final class LogLine {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private LogLine(String level, String message) {
        fields.put("level", level);
        fields.put("message", message);
    }

    /** {@code level}: INFO, WARN or ERROR. */
    public static LogLine of(String level, String message) {
        return new LogLine(level, message);
    }

    /** Adds a field; a null value leaves the field out rather than writing {@code null}. */
    public LogLine with(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    public String toJson() {
        return Json.write(fields);
    }

    /** Writes the line to standard output, where Lambda collects it. */
    public void print() {
        System.out.println(toJson());
    }
}
