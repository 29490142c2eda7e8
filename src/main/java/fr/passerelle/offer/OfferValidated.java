package fr.passerelle.offer;

/**
 * A referent validated a declaration from the portal: the offer is open, matched to its CRM company and contact.
 * Published in the validating transaction. The portal module listens to it to create the company's portal
 * account for {@code contactEmail} (the offer module does not call the portal, which depends on it).
 */
public record OfferValidated(long offerId, long companyId, long contactId, String contactEmail) {
}
