package sa.mustafeed.core.documents;

import java.util.List;
import sa.mustafeed.core.errors.FieldError;

/**
 * A request for an upload slot as it arrived: the file's name, its declared media type and its
 * size in bytes, each null when absent. The edge reads a size only from a whole JSON number (one
 * too large for a {@code long} arrives as {@link Long#MAX_VALUE}, still too large); {@code shapeErrors}
 * carries the fields it could not read.
 */
public record UploadRequest(String name, String contentType, Long size, List<FieldError> shapeErrors) {

    public UploadRequest {
        shapeErrors = shapeErrors == null ? List.of() : List.copyOf(shapeErrors);
    }

    /** A request that arrived with a readable value in every field. */
    public static UploadRequest of(String name, String contentType, long size) {
        return new UploadRequest(name, contentType, size, List.of());
    }
}
