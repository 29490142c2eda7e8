package fr.passerelle.base;

import org.jspecify.annotations.Nullable;

/**
 * The person behind the current request.
 *
 * @param id        the account's id (0 for a principal that is not a Passerelle account): a staff account's, or a
 *                  company portal account's for {@link Role#COMPANY}
 * @param dispCode  the DISP a referent is attached to (e.g. {@code DISP DIJON}); null for other roles
 * @param companyId the company a {@link Role#COMPANY} user acts for, taken from their account at sign-in (never from
 *                  a URL); null for staff
 */
public record SignedInUser(long id, String username, String displayName, Role role, @Nullable String dispCode,
                           @Nullable Long companyId) {

    /** A staff member (no company). */
    public SignedInUser(long id, String username, String displayName, Role role, @Nullable String dispCode) {
        this(id, username, displayName, role, dispCode, null);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isCompany() {
        return role == Role.COMPANY;
    }

    /** The company of a company user; refuses anyone else, so that a company-scoped service cannot run without one. */
    public long requireCompanyId() {
        if (role != Role.COMPANY || companyId == null) {
            throw new org.springframework.security.access.AccessDeniedException("Only a company user acts for a company");
        }
        return companyId;
    }

    /** Implemented by the security principal, so that the kernel reads the user without knowing the security module. */
    public interface Source {
        SignedInUser signedInUser();
    }
}
