package fr.passerelle.sirene;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.base.Translations;
import fr.passerelle.sirene.SiretLookup.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiretLookupTest {

    private static RegisteredEstablishment establishment(boolean active, boolean diffusible) {
        return new RegisteredEstablishment("81234567600025", "812345676", diffusible ? "TPVS" : null, null, "42.21Z", "12",
                null, "21000", "DIJON", "21231", "5710", null, active, true, diffusible);
    }

    @Test
    void everyStatusHasALabelInBothLanguages() {
        var lookups = new ArrayList<SiretLookup>(List.of(
                new SiretLookup.NotFound("81234567600025"), new SiretLookup.NonDiffusible("81234567600025"),
                new SiretLookup.InvalidSiret("8123")));
        for (boolean active : new boolean[] {true, false}) {
            for (boolean diffusible : new boolean[] {true, false}) {
                lookups.add(new SiretLookup.Found(establishment(active, diffusible)));
            }
        }
        for (Reason reason : Reason.values()) {
            lookups.add(new SiretLookup.Unavailable(reason));
        }
        for (var locale : Translations.LOCALES) {
            var texts = Translations.files(locale).get("sirene");
            assertThat(lookups).extracting(SiretLookup::statusKey).as("labels in " + locale)
                    .allSatisfy(key -> assertThat(texts.getProperty(key)).isNotBlank());
        }
        // A time-out and an error read the same to a person: "Recherche indisponible".
        assertThat(lookups.stream().map(SiretLookup::statusKey).distinct()).hasSize(10);
    }

    @Test
    void onlyAnEstablishmentThatIsNotDiffusibleChangesInThePublicView() {
        var closed = new SiretLookup.Found(establishment(false, true));
        var hidden = new SiretLookup.Found(establishment(true, false));

        assertThat(closed.publicView()).isSameAs(closed);
        assertThat(hidden.publicView()).isEqualTo(new SiretLookup.NonDiffusible("81234567600025"));
        assertThat(new SiretLookup.NotFound("81234567600025").publicView()).isEqualTo(new SiretLookup.NotFound("81234567600025"));
    }
}
