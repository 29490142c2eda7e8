package fr.passerelle.portal.internal;

import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.portal.CompanyAccount;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a company user signed in by e-mailed link: role COMPANY and the account's company, nothing else. */
final class CompanyUserDetails implements UserDetails, SignedInUser.Source, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SignedInUser user;

    CompanyUserDetails(CompanyAccount account) {
        this.user = new SignedInUser(account.id(), account.email(), account.email(), Role.COMPANY, null, account.companyId());
    }

    @Override
    public SignedInUser signedInUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(Role.COMPANY.authority()));
    }

    /** No password: company users sign in by link only, never on the staff form. */
    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public String toString() {
        return "CompanyUserDetails[" + user.id() + ", company " + user.companyId() + "]";
    }
}
