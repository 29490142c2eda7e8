package fr.passerelle.base;

import org.jspecify.annotations.Nullable;

/**
 * The person behind the current request.
 *
 * @param id       the account's id (0 for a principal that is not a Passerelle account)
 * @param dispCode the DISP a referent is attached to (e.g. {@code DISP DIJON}); null for other roles
 */
public record SignedInUser(long id, String username, String displayName, Role role, @Nullable String dispCode) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Implemented by the security principal, so that the kernel reads the user without knowing the security module. */
    public interface Source {
        SignedInUser signedInUser();
    }
}
