package fr.passerelle.workshop;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A company's request about a space, as the DISP's referents see it in their queue. */
public record WorkshopInterestSummary(long id, long spaceId, String spaceLabel, long establishmentId, String establishmentName,
                                      String dispCode, String companyName, @Nullable String siret, String contactName,
                                      String email, @Nullable String phone, @Nullable String message, InterestStatus status,
                                      Instant createdAt, @Nullable String handledByName, @Nullable Instant handledAt) {
}
