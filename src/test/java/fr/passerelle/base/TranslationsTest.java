package fr.passerelle.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private final Translations translations = new Translations();

    @Test
    void frenchFirstEnglishSecond() {
        assertThat(translations.getProvidedLocales()).containsExactly(Locale.FRENCH, Locale.ENGLISH);
        assertThat(translations.getTranslation("login.submit", Locale.FRENCH)).isEqualTo("Se connecter");
        assertThat(translations.getTranslation("login.submit", Locale.UK)).isEqualTo("Sign in");
    }

    @Test
    void anyOtherLanguageFallsBackToFrench() {
        assertThat(translations.getTranslation("login.submit", Locale.GERMAN)).isEqualTo("Se connecter");
    }

    @Test
    void parametersAreFilledIn() {
        assertThat(translations.getTranslation("users.edit", Locale.FRENCH, "marie")).isEqualTo("Modifier marie");
    }

    @Test
    void aCappedCompanyCountSaysSo() {
        assertThat(translations.getTranslation("companies.count", Locale.FRENCH, 0L)).isEqualTo("Aucune entreprise");
        assertThat(translations.getTranslation("companies.count", Locale.FRENCH, 2_500L)).isEqualTo("2\u202f500 entreprises".replace("\\u202f", "\u202f"));
        assertThat(translations.getTranslation("companies.count", Locale.FRENCH, 10_001L)).startsWith("Plus de 10 000 entreprises");
    }

    @Test
    void aMissingKeyIsVisibleNotSilent() {
        assertThat(translations.getTranslation("no.such.key", Locale.FRENCH)).isEqualTo("!no.such.key");
    }
}
