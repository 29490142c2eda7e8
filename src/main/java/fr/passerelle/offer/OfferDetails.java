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
 * @param companyId       null for a declaration from the portal not yet matched to a CRM company
 * @param companyName     the company's name, or the declared legal name when it has none ({@link #companyDeclared()})
 * @param companyDispCode the company's DISP, null without a company
 * @param editable        whether the signed-in person may change it through the offer form (an administrator, or a
 *                        referent of its DISP; never a declaration without a company: it is validated first)
 */
public record OfferDetails(long id, @Nullable Long companyId, String companyName, @Nullable String companyDispCode, OfferType type,
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

    /** Whether the company is only as declared on the portal (no CRM company yet). */
    public boolean companyDeclared() {
        return companyId == null;
    }

    /** The offer as a draft; a declaration's company id is 0 (it has none). */
    public OfferDraft toDraft() {
        return new OfferDraft(companyId == null ? 0 : companyId, type, romeCode, title, description, positions, contractType, hoursPerWeek, commune,
                departmentCode, establishments.stream().map(Establishment::id).collect(Collectors.toSet()), startDate, endDate,
                contactId);
    }
}
