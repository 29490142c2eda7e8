package fr.passerelle.offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An offer as typed, before it is checked. The place is a commune and department for jobs at release and
 * apprenticeships, target establishments (of one DISP) for workshop and subcontracting offers.
 */
public record OfferDraft(long companyId, @Nullable OfferType type, @Nullable String romeCode, String title,
                         @Nullable String description, @Nullable Integer positions, @Nullable ContractType contractType,
                         @Nullable BigDecimal hoursPerWeek, @Nullable String commune, @Nullable String departmentCode,
                         Set<Long> establishmentIds, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
                         @Nullable Long contactId) {

    public OfferDraft {
        title = title == null ? "" : title;
        establishmentIds = Set.copyOf(establishmentIds);
    }
}
