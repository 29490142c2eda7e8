package fr.passerelle.partner.companypage;

import java.util.Arrays;
import java.util.List;

/**
 * A text for the company page, translated there in the reader's language: a translation key and its
 * arguments. An argument that is itself a {@code PageText} is translated first (a state's name inside a
 * sentence); a {@link java.time.LocalDate} is shown dd/MM/yyyy; anything else as it is.
 */
public record PageText(String key, List<Object> arguments) {

    public PageText {
        arguments = List.copyOf(arguments);
    }

    public static PageText of(String key, Object... arguments) {
        return new PageText(key, Arrays.asList(arguments));
    }
}
