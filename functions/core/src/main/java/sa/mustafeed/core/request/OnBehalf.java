package sa.mustafeed.core.request;

/** A guardian or carer submitting for the beneficiary; the request's mobile is then the carer's. */
public record OnBehalf(String beneficiaryName, String relationship) {}
