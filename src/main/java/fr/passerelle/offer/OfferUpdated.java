package fr.passerelle.offer;

/** An offer's fields were changed (not its state). {@code byCompany}: by the company itself, which restarts its 90 days. */
public record OfferUpdated(long offerId, long companyId, String dispCode, String updatedBy, boolean byCompany) {
}
