package sa.mustafeed.core.ports;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import sa.mustafeed.core.documents.DocumentType;

/**
 * Where the files themselves live (a private, encrypted bucket). File bytes never pass through the
 * functions: browsers upload and staff download through short-lived presigned URLs. Every method
 * may throw {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface DocumentStorage {

    /** A presigned upload: the URL and the headers the uploader must send unchanged. */
    record PresignedUpload(URI url, Map<String, String> headers, Instant expiresAt) {
        public PresignedUpload {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * What the store says about an object (a HEAD): its real size, type, the name it was sent with, and
     * the size its upload was signed for (recorded beside it; empty when it did not come through
     * {@link #presignUpload}).
     */
    record StoredObject(long size, String contentType, Optional<String> fileName, OptionalLong declaredSize) {}

    /**
     * A URL that accepts one PUT to {@code key} of exactly {@code size} bytes of {@code type}, with
     * the file name and the declared size recorded beside it, until {@code validFor} has passed. Signing only: nothing is
     * stored.
     */
    PresignedUpload presignUpload(String key, DocumentType type, long size, String fileName, Duration validFor);

    /** The object under {@code key}, or empty when nothing was uploaded there. */
    Optional<StoredObject> describe(String key);

    /** The first {@code count} bytes of the object (fewer if it is shorter). */
    byte[] firstBytes(String key, int count);

    /** Removes the object; removing a missing object is not an error. */
    void delete(String key);

    /** A URL that lets whoever holds it GET the object, as an attachment named {@code fileName}, for {@code validFor}. */
    URI presignDownload(String key, String fileName, DocumentType type, Duration validFor);
}
