package fr.passerelle.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * French first, English second. Texts live in {@code vaadin-i18n/}: the shared ones in
 * {@code translations_fr.properties} and {@code _en}, and each module may bring its own pair
 * ({@code offer_fr.properties}, {@code offer_en.properties}…), so that modules written side by side do not
 * edit one file. All pairs are read once at start; a key defined in two files stops the start. Any other
 * language falls back to French.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(FRENCH, ENGLISH);

    /** Where the translation files are: {@code <name>_<language>.properties}. */
    public static final String LOCATION = "vaadin-i18n/";
    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    private final Map<Locale, Map<String, String>> texts = new HashMap<>();

    public Translations() {
        for (Locale locale : LOCALES) {
            texts.put(locale, load(locale));
        }
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        String pattern = texts.get(supported).get(key);
        if (pattern == null) {
            log.warn("Missing translation '{}' for {}", key, locale);
            return "!" + key;
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
    }

    /** The supported locale closest to the given one: English for English, French otherwise. */
    public static Locale supported(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : FRENCH;
    }

    /** Every translation file of one language, by file name, read as UTF-8. */
    public static Map<String, Properties> files(Locale locale) {
        var files = new HashMap<String, Properties>();
        String suffix = "_" + locale.getLanguage() + ".properties";
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(Translations.class.getClassLoader())
                    .getResources("classpath*:" + LOCATION + "*" + suffix)) {
                String filename = resource.getFilename();
                var properties = new Properties();
                try (var in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                files.put(filename.substring(0, filename.length() - suffix.length()), properties);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The translation files cannot be read", e);
        }
        return files;
    }

    private static Map<String, String> load(Locale locale) {
        var merged = new HashMap<String, String>();
        var origin = new HashMap<String, String>();
        files(locale).forEach((file, properties) -> properties.stringPropertyNames().forEach(key -> {
            String other = origin.putIfAbsent(key, file);
            if (other != null) {
                throw new IllegalStateException("Translation key '" + key + "' is defined in both " + other + " and " + file);
            }
            merged.put(key, properties.getProperty(key));
        }));
        return Map.copyOf(merged);
    }
}
