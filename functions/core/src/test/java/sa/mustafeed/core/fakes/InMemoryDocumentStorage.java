package sa.mustafeed.core.fakes;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import sa.mustafeed.core.documents.DocumentType;
import sa.mustafeed.core.ports.DocumentStorage;

/**
 * {@link DocumentStorage} in memory. Presigning records what was signed (key, type, size, expiry),
 * so tests can check the limits; {@link #put} stands in for the browser's upload.
 */
public final class InMemoryDocumentStorage implements DocumentStorage {
    public record Signed(String key, DocumentType type, long size, String fileName, Duration validFor) {}

    private record Stored(byte[] bytes, String contentType, Optional<String> fileName, OptionalLong declaredSize) {}

    private final Clock clock;
    private final Map<String, Stored> objects = new HashMap<>();
    private final Map<String, Signed> uploads = new HashMap<>();

    public InMemoryDocumentStorage(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized PresignedUpload presignUpload(
            String key, DocumentType type, long size, String fileName, Duration validFor) {
        uploads.put(key, new Signed(key, type, size, fileName, validFor));
        return new PresignedUpload(
                URI.create("https://store.invalid/" + key + "?expires=" + validFor.toSeconds()),
                Map.of("content-type", type.mediaType()),
                clock.instant().plus(validFor));
    }

    /** What the last presign for this key allowed. */
    public synchronized Optional<Signed> signed(String key) {
        return Optional.ofNullable(uploads.get(key));
    }

    /** The browser's upload: it sends the signed headers, so the declared size is the one signed. */
    public synchronized void put(String key, byte[] bytes, String contentType, String fileName) {
        Signed signed = uploads.get(key);
        put(key, bytes, contentType, fileName, signed == null ? OptionalLong.empty() : OptionalLong.of(signed.size()));
    }

    /** Anything else that lands under the key, with whatever size metadata it came with. */
    public synchronized void put(
            String key, byte[] bytes, String contentType, String fileName, OptionalLong declaredSize) {
        objects.put(key, new Stored(bytes.clone(), contentType, Optional.ofNullable(fileName), declaredSize));
    }

    public synchronized boolean has(String key) {
        return objects.containsKey(key);
    }

    @Override
    public synchronized Optional<StoredObject> describe(String key) {
        return Optional.ofNullable(objects.get(key))
                .map(o -> new StoredObject(o.bytes().length, o.contentType(), o.fileName(), o.declaredSize()));
    }

    @Override
    public synchronized byte[] firstBytes(String key, int count) {
        Stored o = objects.get(key);
        return o == null ? new byte[0] : Arrays.copyOf(o.bytes(), Math.min(count, o.bytes().length));
    }

    @Override
    public synchronized void delete(String key) {
        objects.remove(key);
    }

    @Override
    public synchronized URI presignDownload(String key, String fileName, DocumentType type, Duration validFor) {
        return URI.create("https://store.invalid/" + key + "?download=1&expires=" + validFor.toSeconds());
    }
}
