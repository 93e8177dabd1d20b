package sa.mustafeed.core.request;

/** What happens after a request arrives, in the words the submitter reads on the confirmation. */
public final class NextSteps {
    private NextSteps() {}

    public static LocalizedText after(Category category) {
        return switch (category) {
            case NEW_BENEFICIARY ->
                new LocalizedText(
                        "استلمنا طلب التسجيل. سيتواصل معك موظف علاقات المستفيدين خلال يومي عمل لإكمال التسجيل وإخبارك بالمستندات المطلوبة.",
                        "We received your registration. A beneficiary-relations officer will contact you within two working days to complete it and tell you which documents are needed.");
            case SERVICE ->
                new LocalizedText(
                        "استلمنا طلبك. سنراجعه ونخبرك بكل تحديث برسالة، ويمكنك متابعته برقم الطلب.",
                        "We received your request. We will review it and tell you about every update; you can follow it with your request number.");
            case INQUIRY ->
                new LocalizedText(
                        "استلمنا استفسارك وسنجيبك بالطريقة التي اخترتها.",
                        "We received your question and will answer it the way you chose.");
            case SUGGESTION ->
                new LocalizedText(
                        "شكرًا لاقتراحك؛ تطلع عليه الإدارة لتحسين خدماتنا.",
                        "Thank you for your suggestion; the management reads every one to improve our services.");
            case COMPLAINT ->
                new LocalizedText(
                        "استلمنا شكواك وسيتابعها مسؤول علاقات المستفيدين ويعود إليك بالرد.",
                        "We received your complaint. The beneficiary-relations lead will follow it up and reply to you.");
        };
    }
}
