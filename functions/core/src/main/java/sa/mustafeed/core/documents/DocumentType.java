package sa.mustafeed.core.documents;

import java.util.Arrays;
import java.util.Optional;

/**
 * The files a request accepts: what a phone camera or a scanner produces and every staff computer
 * opens. Each type is recognised by its first bytes too, so a file's declared type is checked
 * against what it really is.
 */
public enum DocumentType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    /** Enough to tell every type above by its signature. */
    public static final int SIGNATURE_BYTES = 8;

    private final String mediaType;
    private final byte[] signature;

    DocumentType(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<DocumentType> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
    }

    /** True when the file starts as this type's files always start. */
    public boolean matches(byte[] firstBytes) {
        if (firstBytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (firstBytes[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
