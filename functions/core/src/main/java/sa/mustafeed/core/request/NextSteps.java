package sa.mustafeed.core.request;

/** What happens after a request arrives, in the words the submitter reads on the confirmation. */
public final class NextSteps {
    private NextSteps() {}

    /**
     * An anonymous sender is told what anonymity costs (no call back) and where the answer will be:
     * on the tracking page, opened with the reference and the tracking code.
     */
    public static LocalizedText after(Category category, boolean anonymous) {
        if (!anonymous) {
            return after(category);
        }
        return category == Category.COMPLAINT
                ? new LocalizedText(
                        "استلمنا شكواك وسنتعامل معها بسرية. لأنك لم تترك وسيلة تواصل لن نستطيع الاتصال بك: تابعها واقرأ ردنا في صفحة المتابعة برقم الطلب ورمز المتابعة.",
                        "We received your complaint and will handle it in confidence. As you left no contact details we cannot call you back: follow it and read our answer on the tracking page with the reference and the tracking code.")
                : new LocalizedText(
                        "شكرًا لاقتراحك؛ تطلع عليه الإدارة لتحسين خدماتنا. تابعه برقم الطلب ورمز المتابعة.",
                        "Thank you for your suggestion; the management reads every one to improve our services. Follow it with the reference and the tracking code.");
    }

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
