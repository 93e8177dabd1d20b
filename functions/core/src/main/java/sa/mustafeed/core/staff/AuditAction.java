package sa.mustafeed.core.staff;

import java.util.Arrays;
import java.util.Optional;
import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * What a manager did with a beneficiary's data under the PDPL, as the audit log records it. The
 * names managers read are {@code audit.<wire name>} in functions/messages/labels/.
 */
public enum AuditAction {
    /** Everything held about the person was handed to the manager (access request). */
    EXPORT("export"),
    /** The person's data was erased (erasure request). */
    ERASE("erase");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    public String labelKey() {
        return "audit." + wireName;
    }

    public static Optional<AuditAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }
}
