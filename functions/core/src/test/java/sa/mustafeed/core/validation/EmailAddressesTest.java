package sa.mustafeed.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {
    @Test
    void normalise_lowercasesTheDomainOnly() {
        assertEquals(Optional.of("Sara.A@example.org"), EmailAddresses.normalise("  Sara.A@Example.ORG "));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sara",
                "sara@",
                "@example.org",
                "sara@example",
                "sara@@example.org",
                "sa ra@example.org",
                "sara..a@example.org",
                "<script>@example.org"
            })
    void normalise_refusesWhatSesCannotSendTo(String typed) {
        assertEquals(Optional.empty(), EmailAddresses.normalise(typed));
    }
}
