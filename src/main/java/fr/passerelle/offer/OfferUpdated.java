package fr.passerelle.offer;

import org.jspecify.annotations.Nullable;

/** An offer's fields were changed (not its state). {@code byCompany}: by the company itself, which restarts its 90 days. */
public record OfferUpdated(long offerId, @Nullable Long companyId, String dispCode, String updatedBy, boolean byCompany) {
}
