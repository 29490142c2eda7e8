package fr.passerelle.security;

import fr.passerelle.base.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A staff account as the administration screen shows it. */
public record UserSummary(long id, String username, String displayName, @Nullable String email, Role role,
                          @Nullable String dispCode, boolean enabled, Instant createdAt) {
}
