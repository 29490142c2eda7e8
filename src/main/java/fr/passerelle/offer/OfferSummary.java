package fr.passerelle.offer;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A row of the offers list, and of a company's offers. */
public record OfferSummary(long id, long companyId, String companyName, OfferType type, String romeCode, String romeLabel,
                           String title, int positions, ContractType contractType, @Nullable String departmentCode,
                           String dispCode, LocalDate startDate, @Nullable LocalDate endDate, OfferStatus status,
                           OfferSource source, Instant createdAt, Instant updatedAt) {
}
