package fr.passerelle.security;

import org.jspecify.annotations.Nullable;

/** A staff member as other modules name them (e.g. the referent who owns a company). */
public record StaffMember(long id, String displayName, @Nullable String dispCode) {
}
