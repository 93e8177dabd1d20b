package sa.mustafeed.core.request;

import java.util.List;
import sa.mustafeed.core.errors.FieldError;

/**
 * A submission as it arrived, before any rule is applied. Every field may be null (absent).
 * {@code shapeErrors} carries what the transport already found wrong (a number where text belongs),
 * so one answer lists every problem at once. {@code receivedAt} (ISO-8601 with an offset) is when a
 * letter, call or visit reached the association; only staff registrations read it. {@code anonymous}
 * true asks for a complaint or suggestion without a name or a way back; {@code aboutStaff} true says
 * a complaint concerns a member of staff (it then goes to managers only).
 */
public record RequestDraft(
        String category,
        String channel,
        String name,
        String mobile,
        String email,
        String nationalId,
        String city,
        String description,
        String preferredContact,
        String language,
        Boolean consent,
        OnBehalfDraft onBehalf,
        List<FieldError> shapeErrors,
        String receivedAt,
        Boolean anonymous,
        Boolean aboutStaff) {

    public RequestDraft {
        shapeErrors = shapeErrors == null ? List.of() : List.copyOf(shapeErrors);
    }

    /** A draft that does not ask for anonymity. */
    public RequestDraft(
            String category,
            String channel,
            String name,
            String mobile,
            String email,
            String nationalId,
            String city,
            String description,
            String preferredContact,
            String language,
            Boolean consent,
            OnBehalfDraft onBehalf,
            List<FieldError> shapeErrors,
            String receivedAt) {
        this(
                category,
                channel,
                name,
                mobile,
                email,
                nationalId,
                city,
                description,
                preferredContact,
                language,
                consent,
                onBehalf,
                shapeErrors,
                receivedAt,
                null,
                null);
    }

    /** A draft without a received time: its clock starts when it is submitted. */
    public RequestDraft(
            String category,
            String channel,
            String name,
            String mobile,
            String email,
            String nationalId,
            String city,
            String description,
            String preferredContact,
            String language,
            Boolean consent,
            OnBehalfDraft onBehalf,
            List<FieldError> shapeErrors) {
        this(
                category,
                channel,
                name,
                mobile,
                email,
                nationalId,
                city,
                description,
                preferredContact,
                language,
                consent,
                onBehalf,
                shapeErrors,
                null);
    }

    /** The same draft through another channel. */
    public RequestDraft withChannel(String to) {
        return new RequestDraft(
                category,
                to,
                name,
                mobile,
                email,
                nationalId,
                city,
                description,
                preferredContact,
                language,
                consent,
                onBehalf,
                shapeErrors,
                receivedAt,
                anonymous,
                aboutStaff);
    }

    /** The same draft asking (or not) to be anonymous. */
    public RequestDraft withAnonymous(Boolean asked) {
        return new RequestDraft(
                category,
                channel,
                name,
                mobile,
                email,
                nationalId,
                city,
                description,
                preferredContact,
                language,
                consent,
                onBehalf,
                shapeErrors,
                receivedAt,
                asked,
                aboutStaff);
    }

    /** The same draft saying (or not) that the complaint concerns a member of staff. */
    public RequestDraft withAboutStaff(Boolean concernsStaff) {
        return new RequestDraft(
                category,
                channel,
                name,
                mobile,
                email,
                nationalId,
                city,
                description,
                preferredContact,
                language,
                consent,
                onBehalf,
                shapeErrors,
                receivedAt,
                anonymous,
                concernsStaff);
    }

    /** The guardian block as it arrived; fields may be null. */
    public record OnBehalfDraft(String beneficiaryName, String relationship) {}
}
