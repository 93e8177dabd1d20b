package sa.mustafeed.core.request;

import java.util.Arrays;
import java.util.Optional;

/** What the beneficiary is asking for; the wire names are part of the public contract. */
public enum Category {
    NEW_BENEFICIARY("new_beneficiary", "تسجيل مستفيد جديد", "New beneficiary registration"),
    SERVICE("service", "طلب خدمة أو دعم", "Service or support request"),
    INQUIRY("inquiry", "استفسار", "Inquiry"),
    SUGGESTION("suggestion", "اقتراح", "Suggestion"),
    COMPLAINT("complaint", "شكوى", "Complaint");

    private final String wireName;
    private final LocalizedText label;

    Category(String wireName, String ar, String en) {
        this.wireName = wireName;
        this.label = new LocalizedText(ar, en);
    }

    public String wireName() {
        return wireName;
    }

    public LocalizedText label() {
        return label;
    }

    public static Optional<Category> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
