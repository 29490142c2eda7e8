package fr.passerelle.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one offer, with the names of what its codes mean.
 *
 * @param editable whether the signed-in person may change it (an administrator, or a referent of its DISP)
 */
public record OfferDetails(long id, long companyId, String companyName, String companyDispCode, OfferType type,
                           String romeCode, String romeLabel, String romeFamily, String title, @Nullable String description,
                           int positions, ContractType contractType, @Nullable BigDecimal hoursPerWeek,
                           @Nullable String commune, @Nullable String departmentCode, @Nullable String departmentName,
                           List<Establishment> establishments, String dispCode, LocalDate startDate,
                           @Nullable LocalDate endDate, OfferSource source, @Nullable Long contactId,
                           @Nullable String contactName, OfferStatus status, @Nullable RejectionReason rejectionReason,
                           @Nullable String rejectionText, Instant lastCompanyUpdateAt, Instant createdAt,
                           Instant updatedAt, long version, boolean editable) {

    public OfferDetails {
        establishments = List.copyOf(establishments);
    }

    /** A target establishment, by name. */
    public record Establishment(long id, String name, String dispCode) {
    }

    public OfferDraft toDraft() {
        return new OfferDraft(companyId, type, romeCode, title, description, positions, contractType, hoursPerWeek, commune,
                departmentCode, establishments.stream().map(Establishment::id).collect(Collectors.toSet()), startDate, endDate,
                contactId);
    }
}
