package fr.passerelle.offer;

import org.jspecify.annotations.Nullable;

/**
 * An offer was created (by a referent, an import, or confirmed from the portal). Published in the
 * creating transaction: listen with {@code @ApplicationModuleListener} to act once it is committed.
 * {@code companyId} is null for a declaration from the portal (see {@link OfferDeclared}): it gets its
 * company when a referent validates it ({@link OfferValidated}).
 */
public record OfferCreated(long offerId, @Nullable Long companyId, String dispCode, OfferType type, OfferStatus status,
                           OfferSource source, String createdBy) {
}
