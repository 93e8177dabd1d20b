package sa.mustafeed.core.staff;

/**
 * Whom a PDPL export or erasure is about, as the manager typed it: a mobile, a national ID or
 * both, each null when absent. A blank one counts as absent; at least one must be valid.
 */
public record DataSubject(String mobile, String nationalId) {}
