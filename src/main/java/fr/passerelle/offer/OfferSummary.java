package fr.passerelle.offer;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A row of the offers list, and of a company's offers.
 *
 * @param companyId   null for a declaration from the portal not yet validated (or rejected): it has no CRM company
 * @param companyName the company's name, or the declared legal name when it has none ({@link #companyDeclared()})
 */
public record OfferSummary(long id, @Nullable Long companyId, String companyName, OfferType type, String romeCode, String romeLabel,
                           String title, int positions, ContractType contractType, @Nullable String departmentCode,
                           String dispCode, LocalDate startDate, @Nullable LocalDate endDate, OfferStatus status,
                           OfferSource source, Instant createdAt, Instant updatedAt) {

    /** Whether the company is only as declared on the portal (no CRM company yet). */
    public boolean companyDeclared() {
        return companyId == null;
    }
}
