package fr.passerelle.offer;

/**
 * A company's declaration from the portal became an offer waiting for validation (its contact confirmed their
 * address). Published in {@link OfferIntakeService#declare}'s transaction; the referents of {@code dispCode} are
 * e-mailed once it is committed.
 *
 * @param declaredCompanyName the legal name as declared (the offer has no CRM company yet)
 * @param declaredSiret       14 digits
 */
public record OfferDeclared(long offerId, String dispCode, String declaredCompanyName, String declaredSiret) {
}
