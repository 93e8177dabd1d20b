package sa.mustafeed.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void phone_showsOnlyCountryPrefixAndLastTwoDigits() {
        assertEquals("+9665••••••67", Masking.phone("+966501234567"));
    }

    @Test
    void email_showsOnlyFirstLetterAndDomain() {
        assertEquals("s•••@example.org", Masking.email("sara@example.org"));
    }

    @Test
    void keyedHash_dependsOnKeyAndPurpose() {
        KeyedHasher one = new KeyedHasher("k".repeat(32).getBytes());
        KeyedHasher other = new KeyedHasher("j".repeat(32).getBytes());
        assertEquals(one.hash(HashPurpose.NATIONAL_ID, "1526018153"), one.hash(HashPurpose.NATIONAL_ID, "1526018153"));
        assertNotEquals(
                one.hash(HashPurpose.NATIONAL_ID, "1526018153"), other.hash(HashPurpose.NATIONAL_ID, "1526018153"));
        assertNotEquals(one.hash(HashPurpose.NATIONAL_ID, "1526018153"), one.hash(HashPurpose.MOBILE, "1526018153"));
    }
}
