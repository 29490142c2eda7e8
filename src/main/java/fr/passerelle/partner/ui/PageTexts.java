package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.Icon;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.partner.companypage.PageText;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What other modules hand to the company page: texts ({@link PageText}) in the reader's language, icons by name. */
final class PageTexts {

    private PageTexts() {
    }

    static String show(Component owner, @Nullable Object value) {
        return switch (value) {
            case null -> "";
            case PageText text -> owner.getTranslation(text.key(),
                    text.arguments().stream().map(argument -> (Object) show(owner, argument)).toArray());
            case LocalDate date -> DisplayFormats.date(date);
            default -> value.toString();
        };
    }

    /** "vaadin:briefcase" → the briefcase of the vaadin collection. */
    static Icon icon(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? new Icon(name) : new Icon(name.substring(0, colon), name.substring(colon + 1));
    }
}
