package fr.passerelle.security;

import fr.passerelle.base.Role;
import org.jspecify.annotations.Nullable;

/** What an administrator fills in to create or change an account. */
public record UserDraft(String username, String displayName, @Nullable String email, Role role, @Nullable String dispCode) {
}
