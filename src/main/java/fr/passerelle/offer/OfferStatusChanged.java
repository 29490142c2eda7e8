package fr.passerelle.offer;

import org.jspecify.annotations.Nullable;

/**
 * An offer moved from one state to another (validated, rejected, filled, closed, expired). The rejection
 * e-mail and the moderation counts listen to it with {@code @ApplicationModuleListener}. {@code companyId}
 * is null only for a declaration rejected before it was matched to a company.
 */
public record OfferStatusChanged(long offerId, @Nullable Long companyId, String dispCode, OfferStatus from, OfferStatus to,
                                 @Nullable RejectionReason reasonCode, @Nullable String reason, String changedBy) {
}
