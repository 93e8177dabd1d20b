package sa.mustafeed.documents;

import java.util.Map;
import sa.mustafeed.core.documents.UploadRequest;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.http.JsonFields;

/**
 * Reads {@code {"name", "contentType", "size"}} into an {@link UploadRequest}: a name that is not
 * text is {@code invalid_type}, a media type that is not text {@code invalid_document_type} (as an
 * unknown one is), a size that is not a whole number {@code invalid_type}.
 */
final class UploadRequests {
    private UploadRequests() {}

    static UploadRequest fromJson(Map<String, Object> body) {
        JsonFields fields = new JsonFields(body);
        String name = fields.text("name", ErrorCode.INVALID_TYPE);
        String contentType = fields.text("contentType", ErrorCode.INVALID_DOCUMENT_TYPE);
        Long size = fields.wholeNumber("size");
        return new UploadRequest(name, contentType, size, fields.shapeErrors());
    }
}
