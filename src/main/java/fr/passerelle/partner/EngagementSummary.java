package fr.passerelle.partner;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An engagement with the names of its establishments. */
public record EngagementSummary(long id, long companyId, EngagementType type, EngagementStatus status,
                                List<EstablishmentRef> establishments, @Nullable LocalDate startDate,
                                @Nullable LocalDate endDate, @Nullable Integer headcount, @Nullable String volume,
                                @Nullable String notes, long version) {

    public record EstablishmentRef(long id, String name) {
    }

    public EngagementDraft toDraft() {
        return new EngagementDraft(type, status, establishments.stream().map(EstablishmentRef::id)
                .collect(java.util.stream.Collectors.toSet()), startDate, endDate, headcount, volume, notes);
    }
}
