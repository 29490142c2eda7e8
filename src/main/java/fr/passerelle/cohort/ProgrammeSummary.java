package fr.passerelle.cohort;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A programme, with how many cohorts it has (cancelled ones included). */
public record ProgrammeSummary(long id, String title, @Nullable String description, @Nullable Integer candidatesPerPromotion,
                               @Nullable Integer durationWeeks, Set<Sector> sectors, boolean onePromotionPerYear,
                               long cohortCount, long version) {

    public ProgrammeSummary {
        sectors = Set.copyOf(sectors);
    }

    public ProgrammeDraft toDraft() {
        return new ProgrammeDraft(title, description, candidatesPerPromotion, durationWeeks, sectors, onePromotionPerYear);
    }
}
