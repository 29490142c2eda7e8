package fr.passerelle.offer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded change of an offer's state ({@code from} is null for the state it was created in). */
public record StatusChange(long id, long offerId, @Nullable OfferStatus from, OfferStatus to,
                           @Nullable RejectionReason reasonCode, @Nullable String reason, String changedBy, Instant changedAt) {
}
