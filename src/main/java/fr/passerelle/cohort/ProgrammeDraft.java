package fr.passerelle.cohort;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a programme form submits.
 *
 * @param onePromotionPerYear whether an establishment hosts at most one (non-cancelled) promotion of it per year
 */
public record ProgrammeDraft(String title, @Nullable String description, @Nullable Integer candidatesPerPromotion,
                             @Nullable Integer durationWeeks, Set<Sector> sectors, boolean onePromotionPerYear) {

    public ProgrammeDraft {
        title = title == null ? "" : title;
        sectors = Set.copyOf(sectors);
    }
}
