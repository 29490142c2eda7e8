package fr.passerelle.portal.internal;

import fr.passerelle.portal.CompanyAccount;
import org.springframework.security.authentication.ott.OneTimeTokenAuthentication;
import org.springframework.security.core.Authentication;

/** What the one-time-token login leaves in the security context for a company user, for UI tests. */
public final class CompanySignIns {

    private CompanySignIns() {
    }

    public static Authentication of(CompanyAccount account) {
        var user = new CompanyUserDetails(account);
        return new OneTimeTokenAuthentication(user, user.getAuthorities());
    }
}
