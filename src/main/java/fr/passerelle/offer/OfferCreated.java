package fr.passerelle.offer;

/**
 * An offer was created (by a referent, an import, or confirmed from the portal). Published in the
 * creating transaction: listen with {@code @ApplicationModuleListener} to act once it is committed.
 */
public record OfferCreated(long offerId, long companyId, String dispCode, OfferType type, OfferStatus status,
                           OfferSource source, String createdBy) {
}
