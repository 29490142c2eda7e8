package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.cohort.CohortState;
import fr.passerelle.cohort.ParticipantState;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How cohorts read on screen: state badges, months, ids from the URL. */
final class CohortDisplay {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private CohortDisplay() {
    }

    static Span stateBadge(CohortState state) {
        var badge = new Span(UI.getCurrent().getTranslation(state.translationKey()));
        badge.getElement().getThemeList().add(switch (state) {
            case PLANNED -> "badge contrast";
            case RECRUITING -> "badge warning";
            case IN_PROGRESS -> "badge";
            case COMPLETED -> "badge success";
            case CANCELLED -> "badge error";
        });
        badge.addClassNames("cohort-state", "cohort-state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return badge;
    }

    static Span participantBadge(ParticipantState state) {
        var badge = new Span(UI.getCurrent().getTranslation(state.translationKey()));
        badge.getElement().getThemeList().add(switch (state) {
            case ENROLLED -> "badge";
            case COMPLETED -> "badge success";
            case DROPPED -> "badge contrast";
        });
        return badge;
    }

    static String month(@Nullable YearMonth month) {
        return month == null ? "" : MONTH.format(month);
    }

    static String date(java.time.@Nullable LocalDate date) {
        return DisplayFormats.date(date);
    }

    static Optional<Long> parseId(@Nullable String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
