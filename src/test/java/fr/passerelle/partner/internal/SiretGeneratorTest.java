package fr.passerelle.partner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.partner.Siret;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SiretGeneratorTest {

    @Test
    void generatedSiretsPassTheLuhnRuleOfSirenAndSiret() {
        var random = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            int siren = random.nextInt(100_000_000);
            if (siren == 35_600_000) {
                continue;
            }
            String siret = SiretGenerator.siret(siren, random.nextInt(10_000));
            assertThat(Siret.isValid(siret)).as(siret).isTrue();
        }
    }

    @Test
    void theDigitsAreTheGivenNumbersFollowedByTheirCheckDigits() {
        // 130 005 481 21800 is a real, valid SIRET (DOMAIN.md).
        assertThat(SiretGenerator.siret(13_000_548, 2_180)).isEqualTo("13000548121800");
        assertThat(SiretGenerator.siret(90_000_000, 1)).startsWith("90000000").hasSize(14);
        assertThat(SiretGenerator.siret(0, 0)).isEqualTo("00000000000000");
    }

    @Test
    void laPosteAndOutOfRangeNumbersAreRefused() {
        assertThatThrownBy(() -> SiretGenerator.siret(35_600_000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SiretGenerator.siret(100_000_000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SiretGenerator.siret(1, 10_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
