package sa.mustafeed.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0501234567|+966501234567",
                "501234567|+966501234567",
                "+966501234567|+966501234567",
                "00966501234567|+966501234567",
                "966501234567|+966501234567",
                "050 123 4567|+966501234567",
                "050-123-4567|+966501234567",
                "(050) 123 4567|+966501234567",
                "٠٥٠١٢٣٤٥٦٧|+966501234567",
                "۰۵۰۱۲۳۴۵۶۷|+966501234567",
                "+٩٦٦٥٥٩٨٧٦٥٤٣|+966559876543",
                "+201001234567|+201001234567",
                "0044 7911 123456|+447911123456",
            })
    void toE164_normalisesCommonForms(String typed, String expected) {
        assertEquals(Optional.of(expected), MobileNumbers.toE164(typed));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "05012345",
                "05012345678",
                "0121234567",
                "+966121234567",
                "+9665012345",
                "1234567",
                "+0123456789",
                "05o1234567",
                "0501234567x",
                "+",
                "00",
                "٠٥٠١٢٣",
                "+1234567890123456"
            })
    void toE164_refusesWhatIsNotAMobile(String typed) {
        assertEquals(Optional.empty(), MobileNumbers.toE164(typed));
    }
}
