package fr.passerelle.cohort;

import fr.passerelle.offer.OfferStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An offer linked to a cohort for its graduates, as the cohort page lists it. */
public record LinkedOffer(long offerId, String title, @Nullable Long companyId, String companyName, String romeCode,
                          int positions, OfferStatus status, @Nullable String departmentCode, Instant linkedAt) {
}
