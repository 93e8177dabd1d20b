package sa.mustafeed.aws;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import sa.mustafeed.core.documents.DocumentType;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.ports.DocumentStorage;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * {@link DocumentStorage} on a private S3 bucket encrypted with SSE-S3 (the bucket's default; the
 * upload signs no encryption header, so the browser need not send one). Uploads are presigned PUTs
 * whose signature covers the content type, the exact content length and the file name metadata, so
 * S3 refuses any other file under that URL.
 */
public final class S3DocumentStorage implements DocumentStorage {
    /** The metadata key holding the file name (percent-encoded UTF-8: S3 metadata is ASCII). */
    public static final String NAME_METADATA = "filename";

    /**
     * The metadata key holding the size the upload was signed for. S3 enforces the signed length itself;
     * recording it lets confirmation check it again wherever the signature is not enforced.
     */
    public static final String SIZE_METADATA = "declared-size";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3DocumentStorage(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public PresignedUpload presignUpload(String key, DocumentType type, long size, String fileName, Duration validFor) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.signatureDuration(validFor)
                .putObjectRequest(o -> o.bucket(bucket)
                        .key(key)
                        .contentType(type.mediaType())
                        .contentLength(size)
                        .metadata(Map.of(NAME_METADATA, encode(fileName), SIZE_METADATA, Long.toString(size)))));
        Map<String, String> headers = new LinkedHashMap<>();
        // The signed headers the browser must send itself; host and content-length it sets on its own.
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedUpload(URI.create(signed.url().toString()), headers, signed.expiration());
    }

    private static OptionalLong declaredSize(String recorded) {
        try {
            return recorded == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(recorded.strip()));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    @Override
    public Optional<StoredObject> describe(String key) {
        try {
            var head = call(
                    "describe document",
                    () -> s3.headObject(h -> h.bucket(bucket).key(key)));
            return Optional.of(new StoredObject(
                    head.contentLength() == null ? 0 : head.contentLength(),
                    head.contentType() == null ? "" : head.contentType(),
                    Optional.ofNullable(head.metadata().get(NAME_METADATA)).map(S3DocumentStorage::decode),
                    declaredSize(head.metadata().get(SIZE_METADATA))));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public byte[] firstBytes(String key, int count) {
        return call(
                        "read document start",
                        () -> s3.getObjectAsBytes(g -> g.bucket(bucket).key(key).range("bytes=0-" + (count - 1))))
                .asByteArray();
    }

    @Override
    public void delete(String key) {
        call("delete document", () -> s3.deleteObject(d -> d.bucket(bucket).key(key)));
    }

    @Override
    public URI presignDownload(String key, String fileName, DocumentType type, Duration validFor) {
        // RFC 6266 / 5987: an ASCII fallback name and the real (Arabic) name in filename*.
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String disposition = "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(fileName);
        return URI.create(presigner
                .presignGetObject(p -> p.signatureDuration(validFor)
                        .getObjectRequest(g -> g.bucket(bucket)
                                .key(key)
                                .responseContentDisposition(disposition)
                                .responseContentType(type.mediaType())))
                .url()
                .toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }

    /** Unreachable or busy S3 is a 503 for the caller; a refused call (a bug) is not hidden. */
    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            throw new StorageUnavailableException(what + ": document store unreachable", e);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StorageUnavailableException(what + ": document store busy (" + e.statusCode() + ")", e);
            }
            throw e;
        }
    }
}
