package fr.passerelle.workshop;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What a visitor of the public catalogue narrows it to; null means "any". The text matches the
 * establishment's name and commune, the department's name, the space's label and current activity,
 * accents and case ignored; it is cut at 100 characters.
 *
 * @param regionCode INSEE region code, e.g. {@code 27} (Bourgogne-Franche-Comté)
 */
public record CatalogueFilter(@Nullable String regionCode, @Nullable ActivityCategory activity, String text)
        implements Serializable {

    public static final int MAX_TEXT = 100;

    public CatalogueFilter {
        text = text.strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
    }

    public static CatalogueFilter none() {
        return new CatalogueFilter(null, null, "");
    }
}
