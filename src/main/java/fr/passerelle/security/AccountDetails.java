package fr.passerelle.security;

import fr.passerelle.base.SignedInUser;
import fr.passerelle.security.domain.AppUser;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in staff member: Spring Security's view and Passerelle's. */
final class AccountDetails implements UserDetails, SignedInUser.Source {

    private final SignedInUser user;
    private final String passwordHash;
    private final boolean enabled;

    AccountDetails(AppUser account) {
        this.user = new SignedInUser(account.getId() == null ? 0 : account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(), account.getDispCode());
        this.passwordHash = account.getPasswordHash();
        this.enabled = account.isEnabled();
    }

    @Override
    public SignedInUser signedInUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "AccountDetails[" + user.username() + ", " + user.role() + "]";
    }
}
