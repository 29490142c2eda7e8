package fr.passerelle.portal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A company's contact person who signs in on the portal by e-mailed link; {@code email} is lower-cased. */
public record CompanyAccount(long id, String email, long companyId, @Nullable Long contactId, Instant createdAt,
                             @Nullable Instant lastSignInAt, boolean enabled) {
}
