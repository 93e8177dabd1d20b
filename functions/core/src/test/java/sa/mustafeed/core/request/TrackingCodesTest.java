package sa.mustafeed.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;

class TrackingCodesTest {
    private final TrackingCodes codes = new TrackingCodes(SampleDrafts.HASHER);

    @Test
    void codeFor_isSixDigits_andTheSameEveryTime() {
        ReferenceCode reference = new ReferenceCode("MHF5Q2N7");
        String code = codes.codeFor(reference);

        assertTrue(code.matches("\\d{6}"), code);
        assertEquals(code, new TrackingCodes(SampleDrafts.HASHER).codeFor(reference));
        assertTrue(codes.matches(reference, code));
    }

    @Test
    void codeFor_dependsOnTheSecretKey_soNobodyWithoutItCanWorkItOut() {
        ReferenceCode reference = new ReferenceCode("MHF5Q2N7");
        KeyedHasher other = new KeyedHasher("another-key-another-key-another-key!".getBytes());

        assertNotEquals(codes.codeFor(reference), new TrackingCodes(other).codeFor(reference));
    }

    @Test
    void codeFor_spreadsOverTheCodes_soNoCodeOpensManyRequests() {
        SplittableRandom random = new SplittableRandom(17);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            seen.add(codes.codeFor(ReferenceCode.random(random)));
        }
        // 2,000 draws from a million: a few repeats at most if the codes are spread evenly.
        assertTrue(seen.size() >= 1_990, "distinct codes: " + seen.size());
    }

    @Test
    void matches_refusesAnotherRequestsCode() {
        ReferenceCode one = new ReferenceCode("MHF5Q2N7");
        ReferenceCode other = ReferenceCode.random(new SplittableRandom(3));

        assertFalse(codes.matches(one, codes.codeFor(other)));
    }

    @Test
    void parse_readsTheCodeAsPeopleTypeIt() {
        assertEquals(Optional.of("482913"), TrackingCodes.parse("482913"));
        assertEquals(Optional.of("482913"), TrackingCodes.parse(" ٤٨٢ ٩١٣ "));
        assertEquals(Optional.of("482913"), TrackingCodes.parse("482-913"));
        assertEquals(Optional.empty(), TrackingCodes.parse("48291"));
        assertEquals(Optional.empty(), TrackingCodes.parse("4829134"));
        assertEquals(Optional.empty(), TrackingCodes.parse("48291x"));
        assertEquals(Optional.empty(), TrackingCodes.parse(null));
    }
}
