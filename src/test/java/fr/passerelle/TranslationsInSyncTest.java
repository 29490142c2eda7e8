package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.passerelle.base.Translations;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TranslationsInSyncTest {

    private final Map<String, Properties> french = Translations.files(Translations.FRENCH);
    private final Map<String, Properties> english = Translations.files(Translations.ENGLISH);

    @Test
    void everyFileExistsInBothLanguages() {
        assertThat(french).containsKey("translations");
        assertThat(english.keySet()).as("translation files in English").isEqualTo(french.keySet());
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        french.forEach((file, texts) -> {
            Properties other = english.getOrDefault(file, new Properties());
            Set<String> missingInEnglish = new TreeSet<>(texts.stringPropertyNames());
            missingInEnglish.removeAll(other.stringPropertyNames());
            Set<String> missingInFrench = new TreeSet<>(other.stringPropertyNames());
            missingInFrench.removeAll(texts.stringPropertyNames());
            assertThat(missingInEnglish).as("keys missing in " + file + "_en").isEmpty();
            assertThat(missingInFrench).as("keys missing in " + file + "_fr").isEmpty();
            assertThat(texts).as(file + "_fr").isNotEmpty();
        });
    }

    @Test
    void noKeyIsDefinedInTwoFiles() {
        assertThatCode(Translations::new).doesNotThrowAnyException();
    }

    @Test
    void noTranslationIsBlank() {
        for (var files : java.util.List.of(french, english)) {
            files.forEach((file, texts) -> assertThat(texts.stringPropertyNames()).as("blank texts in " + file)
                    .filteredOn(key -> texts.getProperty(key).isBlank()).isEmpty());
        }
    }

    @Test
    void frenchTextsUseTheTypographicApostrophe() {
        // A straight apostrophe is an escape character for MessageFormat: "l'{0}" would lose its parameter.
        french.forEach((file, texts) -> assertThat(texts.stringPropertyNames()).as(file + "_fr")
                .filteredOn(key -> texts.getProperty(key).contains("'")).isEmpty());
    }

    @Test
    void aKnownKeyIsTranslatedInBothLanguages() {
        var translations = new Translations();
        assertThat(translations.getTranslation("app.name", Translations.FRENCH)).doesNotStartWith("!");
        assertThat(translations.getTranslation("app.name", Translations.ENGLISH)).doesNotStartWith("!");
        assertThat(translations.getTranslation("no.such.key", Translations.FRENCH)).isEqualTo("!no.such.key");
    }
}
