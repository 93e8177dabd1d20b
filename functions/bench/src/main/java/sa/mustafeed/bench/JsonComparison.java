package sa.mustafeed.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * jackson-jr against jackson-databind for what the handlers do with JSON: read an API Gateway event
 * as a map, read its body as a map, write an answer map. Run once per library in a fresh JVM: prints
 * the first use (set-up included, what a cold start pays) and the warm cost per event.
 *
 * <p>Usage: {@code JsonComparison jr|databind <event.json>}
 */
public final class JsonComparison {
    private static final int WARM = 20_000;

    private JsonComparison() {}

    interface Codec {
        Map<String, Object> read(byte[] json) throws Exception;

        byte[] write(Object value) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        long started = System.nanoTime();
        Codec codec = switch (args[0]) {
            case "jr" -> jr();
            case "databind" -> databind();
            default -> throw new IllegalArgumentException(args[0]);
        };
        roundTrip(codec, event);
        double firstMs = (System.nanoTime() - started) / 1e6;
        for (int i = 0; i < WARM; i++) {
            roundTrip(codec, event);
        }
        long warmStarted = System.nanoTime();
        for (int i = 0; i < WARM; i++) {
            roundTrip(codec, event);
        }
        double warmUs = (System.nanoTime() - warmStarted) / 1e3 / WARM;
        System.out.printf(
                java.util.Locale.ROOT,
                "{\"library\":\"%s\",\"firstUseMs\":%.1f,\"warmUsPerEvent\":%.2f}%n",
                args[0],
                firstMs,
                warmUs);
    }

    private static void roundTrip(Codec codec, byte[] event) throws Exception {
        Map<String, Object> parsed = codec.read(event);
        Map<String, Object> body =
                codec.read(String.valueOf(parsed.get("body")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        codec.write(Map.of(
                "statusCode", 201, "body", new String(codec.write(body), java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Codec jr() {
        JSON json = JSON.builder().build();
        return new Codec() {
            @Override
            public Map<String, Object> read(byte[] bytes) throws Exception {
                return json.mapFrom(bytes);
            }

            @Override
            public byte[] write(Object value) throws Exception {
                return json.asBytes(value);
            }
        };
    }

    private static Codec databind() {
        ObjectMapper mapper = new ObjectMapper();
        TypeReference<Map<String, Object>> type = new TypeReference<>() {};
        return new Codec() {
            @Override
            public Map<String, Object> read(byte[] bytes) throws Exception {
                return mapper.readValue(bytes, type);
            }

            @Override
            public byte[] write(Object value) throws Exception {
                return mapper.writeValueAsBytes(value);
            }
        };
    }
}
