package fr.passerelle.offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Another offer a signed-in company adds from its space, as typed: the offer's own fields only. Its company and the
 * contact who follows it are the signed-in user's, never taken from here.
 */
public record CompanyOfferDraft(@Nullable OfferType type, @Nullable String romeCode, String title, @Nullable String description,
                                @Nullable Integer positions, @Nullable ContractType contractType,
                                @Nullable BigDecimal hoursPerWeek, @Nullable String commune, @Nullable String departmentCode,
                                Set<Long> establishmentIds, @Nullable LocalDate startDate, @Nullable LocalDate endDate) {

    public CompanyOfferDraft {
        title = title == null ? "" : title;
        establishmentIds = Set.copyOf(establishmentIds);
    }

    OfferDraft of(long companyId, @Nullable Long contactId) {
        return new OfferDraft(companyId, type, romeCode, title, description, positions, contractType, hoursPerWeek, commune,
                departmentCode, establishmentIds, startDate, endDate, contactId);
    }
}
