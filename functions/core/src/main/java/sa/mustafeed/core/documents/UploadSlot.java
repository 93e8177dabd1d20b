package sa.mustafeed.core.documents;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * Where the browser sends one file itself: a presigned PUT of exactly {@code size} bytes of
 * {@code type}, with {@code headers} sent as they are (they are part of the signature), before
 * {@code expiresAt}. Then {@code POST …/documents/{documentId}/confirm}.
 */
public record UploadSlot(
        String documentId, URI url, Map<String, String> headers, Instant expiresAt, DocumentType type, long size) {

    public UploadSlot {
        headers = Map.copyOf(headers);
    }
}
