package sa.mustafeed.core.privacy;

/** What a keyed hash is for; part of the hashed input so hashes of different kinds never collide. */
public enum HashPurpose {
    NATIONAL_ID,
    MOBILE,
    CLIENT_ADDRESS,
    IDEMPOTENCY_BODY,
    SURVEY_TOKEN,
    SURVEY_ID,
    /** An anonymous request's tracking code, derived from its reference (never stored). */
    TRACKING_CODE,
    /** A one-time code that reopens a locked lookup, derived from the reference and a stored nonce. */
    UNLOCK_CODE
}
