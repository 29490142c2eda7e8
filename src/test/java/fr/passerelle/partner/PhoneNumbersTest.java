package fr.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "06.12.34.56.78", "0612345678", "+33 6 12 34 56 78", "0033612345678",
            "+33 (0)6 12 34 56 78", "06-12-34-56-78"})
    void frenchFormatsNormaliseToE164(String typed) {
        assertThat(PhoneNumbers.normalise(typed)).hasValue("+33612345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56", "12 34 56 78 90", "+33 0 12 34 56 78", "phone", "", "+33612345678901"})
    void otherInputIsRejected(String typed) {
        assertThat(PhoneNumbers.normalise(typed)).isEmpty();
    }

    @Test
    void foreignNumbersAreKeptAndFrenchOnesShownTheFrenchWay() {
        assertThat(PhoneNumbers.normalise("+41 22 123 45 67")).hasValue("+41221234567");
        assertThat(PhoneNumbers.display("+33612345678")).isEqualTo("06 12 34 56 78");
        assertThat(PhoneNumbers.display("+41221234567")).isEqualTo("+41221234567");
    }
}
