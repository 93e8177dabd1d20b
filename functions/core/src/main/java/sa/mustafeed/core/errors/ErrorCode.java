package sa.mustafeed.core.errors;

import sa.mustafeed.core.request.LocalizedText;

/**
 * Every reason the system refuses something, with the words a person reads. The {@link #code()}
 * strings are a stable contract: clients switch on them, so never rename one.
 */
public enum ErrorCode {
    REQUIRED("required", "هذا الحقل مطلوب.", "This field is required."),
    INVALID_TYPE("invalid_type", "نوع القيمة غير صحيح.", "This value has the wrong type."),
    INVALID_CHOICE("invalid_choice", "اختر أحد الخيارات المتاحة.", "Choose one of the available options."),
    TOO_SHORT("too_short", "النص قصير جدًا.", "This text is too short."),
    TOO_LONG("too_long", "النص أطول من المسموح.", "This text is too long."),
    INVALID_TEXT("invalid_text", "يحتوي النص على رموز غير مسموحة.", "This text contains characters that are not allowed."),
    INVALID_NAME("invalid_name", "اكتب الاسم بالحروف فقط.", "Write the name using letters only."),
    INVALID_MOBILE("invalid_mobile",
            "رقم الجوال غير صحيح. اكتبه مثل 0501234567 أو بالصيغة الدولية +9665…",
            "This mobile number is not valid. Write it like 0501234567 or in international form +9665…"),
    INVALID_EMAIL("invalid_email", "البريد الإلكتروني غير صحيح.", "This email address is not valid."),
    EMAIL_REQUIRED_FOR_CONTACT("email_required_for_contact",
            "اكتب بريدك الإلكتروني لنتواصل معك عبره، أو اختر الرسائل النصية.",
            "Give your email address so we can reach you there, or choose text messages."),
    INVALID_NATIONAL_ID("invalid_national_id",
            "رقم الهوية أو الإقامة غير صحيح. يتكون من 10 أرقام ويبدأ بـ 1 أو 2.",
            "This national ID or iqama number is not valid. It has 10 digits and starts with 1 or 2."),
    CONSENT_REQUIRED("consent_required",
            "يلزم الموافقة على إشعار الخصوصية لنتمكن من خدمتك.",
            "Please agree to the privacy notice so we can serve you."),
    CHANNEL_NOT_ALLOWED("channel_not_allowed",
            "هذه القناة غير متاحة هنا.", "This channel is not available here."),
    INVALID_REFERENCE("invalid_reference",
            "رقم الطلب غير صحيح. تأكد من الحروف والأرقام.",
            "This request number is not valid. Check its letters and digits."),
    INVALID_MOBILE_LAST4("invalid_mobile_last4",
            "اكتب آخر 4 أرقام من رقم الجوال.", "Enter the last 4 digits of the mobile number."),
    NOT_FOUND("not_found",
            "لم نجد طلبًا بهذه البيانات. تأكد من رقم الطلب وآخر 4 أرقام من الجوال.",
            "We found no request with these details. Check the request number and the last 4 digits of the mobile."),
    TOO_MANY_ATTEMPTS("too_many_attempts",
            "محاولات كثيرة. انتظر قليلًا ثم حاول مرة أخرى.",
            "Too many attempts. Please wait a little and try again."),
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused",
            "استُخدم مفتاح الإرسال نفسه لطلب مختلف. أعد تحميل الصفحة ثم أرسل من جديد.",
            "The same submission key was used for a different request. Reload the page and submit again."),
    INVALID_IDEMPOTENCY_KEY("invalid_idempotency_key",
            "مفتاح الإرسال غير صالح.", "The Idempotency-Key header is not valid."),
    MALFORMED_JSON("malformed_json",
            "تعذرت قراءة البيانات المرسلة.", "The request body is not valid JSON."),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type",
            "نوع المحتوى يجب أن يكون JSON.", "The content type must be application/json."),
    PAYLOAD_TOO_LARGE("payload_too_large",
            "البيانات المرسلة أكبر من المسموح.", "The request body is too large."),
    INVALID_TRANSITION("invalid_transition",
            "لا يمكن نقل الطلب إلى هذه الحالة من حالته الحالية.",
            "The request cannot move to this status from its current one."),
    VERSION_CONFLICT("version_conflict",
            "عدّل زميل هذا الطلب للتو. حدّثنا الصفحة؛ راجع التغييرات ثم أعد المحاولة.",
            "A colleague just changed this request. The page was refreshed; check the changes and try again."),
    INVALID_DATE("invalid_date", "اكتب التاريخ بالصيغة YYYY-MM-DD.", "Write the date as YYYY-MM-DD."),
    INVALID_CURSOR("invalid_cursor", "انتهت صلاحية الصفحة. ابدأ من الصفحة الأولى.",
            "This page link is no longer valid. Start from the first page."),
    UNAUTHORIZED("unauthorized", "سجّل الدخول أولًا.", "Please sign in first."),
    FORBIDDEN("forbidden", "هذه الصفحة للمديرين فقط.", "This is for managers only."),
    SURVEY_NOT_FOUND("survey_not_found",
            "رابط التقييم غير صحيح. تأكد من الرابط الذي وصلك في الرسالة.",
            "This survey link is not valid. Check the link in the message you received."),
    SURVEY_EXPIRED("survey_expired",
            "انتهت مدة هذا التقييم. شكرًا لاهتمامك، ويسعدنا سماع رأيك بأي وسيلة تواصل.",
            "This survey has closed. Thank you; we are always glad to hear from you through any channel."),
    SURVEY_ALREADY_ANSWERED("survey_already_answered",
            "وصلنا تقييمك لهذه الخدمة من قبل. شكرًا لك!", "We already have your answer for this service. Thank you!"),
    TOO_MANY_FEEDBACK("too_many_feedback", "شكرًا لك!", "Thank you!"),
    INVALID_DOCUMENT_TYPE("invalid_document_type",
            "أرسل الملف بصيغة PDF أو JPEG أو PNG.", "Send the file as a PDF, JPEG or PNG."),
    DOCUMENT_TOO_LARGE("document_too_large",
            "الملف أكبر من 10 ميغابايت. صوّره بدقة أقل أو قسّمه إلى أكثر من ملف.",
            "The file is larger than 10 MB. Take the photo at a lower resolution or split it into several files."),
    DOCUMENT_NOT_UPLOADED("document_not_uploaded",
            "لم يصل الملف بعد. أعد رفعه ثم حاول مرة أخرى.",
            "The file has not arrived. Upload it again, then try once more."),
    DOCUMENT_NOT_FOUND("document_not_found", "لم نجد هذا المستند في هذا الطلب.",
            "There is no such document on this request."),
    ROUTE_NOT_FOUND("route_not_found", "الصفحة المطلوبة غير موجودة.", "No such route."),
    METHOD_NOT_ALLOWED("method_not_allowed", "هذه الطريقة غير مدعومة.", "This method is not allowed here."),
    SERVICE_UNAVAILABLE("service_unavailable",
            "الخدمة مشغولة مؤقتًا. لم يُحفظ شيء؛ حاول مرة أخرى بعد قليل.",
            "The service is briefly unavailable. Nothing was saved; please try again shortly."),
    INTERNAL_ERROR("internal_error",
            "حدث خطأ غير متوقع. لم يُحفظ شيء؛ حاول مرة أخرى.",
            "Something went wrong on our side. Nothing was saved; please try again.");

    private final String code;
    private final LocalizedText message;

    ErrorCode(String code, String ar, String en) {
        this.code = code;
        this.message = new LocalizedText(ar, en);
    }

    public String code() {
        return code;
    }

    public LocalizedText message() {
        return message;
    }
}
