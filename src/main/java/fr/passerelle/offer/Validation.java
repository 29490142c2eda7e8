package fr.passerelle.offer;

import org.jspecify.annotations.Nullable;

/**
 * What validating a declaration did: the offer is open, with its company and contact.
 *
 * @param contactId      the contact following the offer (null only for an offer that had a company but no contact)
 * @param companyCreated whether the CRM company was created (false: an existing one had the SIRET)
 * @param contactCreated whether the contact was added (false: the company had one with that e-mail address)
 */
public record Validation(long offerId, long companyId, @Nullable Long contactId, boolean companyCreated, boolean contactCreated) {
}
