package fr.passerelle.partner;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a company does with the network, where and when. */
public record EngagementDraft(EngagementType type, EngagementStatus status, Set<Long> establishmentIds,
                              @Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable Integer headcount,
                              @Nullable String volume, @Nullable String notes) {

    public EngagementDraft {
        establishmentIds = Set.copyOf(establishmentIds);
    }
}
