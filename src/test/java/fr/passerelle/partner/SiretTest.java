package fr.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SiretTest {

    @Test
    void theDomainVectors() {
        assertThat(Siret.isValid("35600000037187")).as("La Poste establishment").isTrue();
        assertThat(Siret.isValid("13000548121800")).isTrue();
        assertThat(Siret.luhn("123456789")).as("invalid SIREN").isFalse();
        assertThat(Siret.isValid("12345678900017")).as("SIRET on an invalid SIREN").isFalse();
    }

    @Test
    void inputWithSpacesIsNormalised() {
        assertThat(Siret.parse("130 005 481 21800")).map(Siret::value).hasValue("13000548121800");
        assertThat(Siret.parse("130.005.481.21800")).map(Siret::siren).hasValue("130005481");
        assertThat(new Siret("13000548121800").formatted()).isEqualTo("130 005 481 21800");
        assertThat(Siret.parse("1300054812180")).as("13 digits").isEmpty();
        assertThat(Siret.parse("1300054812180A")).isEmpty();
    }

    @Test
    void laPosteEstablishmentsFollowTheSumRule() {
        assertThat(Siret.isValid("35600000000010")).as("digits sum to 15").isTrue();
        assertThat(Siret.isValid("35600000000011")).as("digits sum to 16").isFalse();
    }

    @Test
    void randomValidNumbersPassAndAnyChangedDigitFails() {
        var random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String siret = SiretGenerator.random(random);
            assertThat(Siret.isValid(siret)).as(siret).isTrue();
            int position = random.nextInt(14);
            int digit = siret.charAt(position) - '0';
            String altered = siret.substring(0, position) + (char) ('0' + (digit + 1 + random.nextInt(9)) % 10) + siret.substring(position + 1);
            if (!altered.startsWith(Siret.LA_POSTE_SIREN)) {
                // Luhn detects every single-digit error.
                assertThat(Siret.isValid(altered)).as(altered).isFalse();
            }
        }
    }
}
