package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TranslationsInSyncTest {

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        Properties french = load("fr");
        Properties english = load("en");
        Set<String> missingInEnglish = new TreeSet<>(french.stringPropertyNames());
        missingInEnglish.removeAll(english.stringPropertyNames());
        Set<String> missingInFrench = new TreeSet<>(english.stringPropertyNames());
        missingInFrench.removeAll(french.stringPropertyNames());
        assertThat(missingInEnglish).as("keys missing in translations_en").isEmpty();
        assertThat(missingInFrench).as("keys missing in translations_fr").isEmpty();
        assertThat(french).as("translations_fr").isNotEmpty();
    }

    @Test
    void noTranslationIsBlank() throws IOException {
        for (String language : new String[] {"fr", "en"}) {
            Properties texts = load(language);
            assertThat(texts.stringPropertyNames()).as("blank texts in " + language)
                    .filteredOn(key -> texts.getProperty(key).isBlank()).isEmpty();
        }
    }

    @Test
    void frenchTextsUseTheTypographicApostrophe() throws IOException {
        // A straight apostrophe is an escape character for MessageFormat: "l'{0}" would lose its parameter.
        Properties french = load("fr");
        assertThat(french.stringPropertyNames()).filteredOn(key -> french.getProperty(key).contains("'")).isEmpty();
    }

    private static Properties load(String language) throws IOException {
        var properties = new Properties();
        try (var in = TranslationsInSyncTest.class.getResourceAsStream("/vaadin-i18n/translations_" + language + ".properties")) {
            assertThat(in).as("translations_" + language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
