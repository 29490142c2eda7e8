package fr.passerelle.portal.internal;

import fr.passerelle.portal.CompanyAccount;
import fr.passerelle.portal.CompanyAccountService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who a sign-in link may sign in: an enabled company account, looked up by its e-mail address. Deliberately not a
 * {@code UserDetailsService} bean: the staff form keeps the staff accounts' lookup, and this one is given to the
 * one-time-token login only, so that a staff username never opens the portal and a company address never opens the
 * back office.
 */
@Component
class CompanySignInUsers {

    private final CompanyAccountService accounts;

    CompanySignInUsers(CompanyAccountService accounts) {
        this.accounts = accounts;
    }

    UserDetails load(String email) {
        CompanyAccount account = accounts.findByEmail(email).filter(CompanyAccount::enabled)
                .orElseThrow(() -> new UsernameNotFoundException("No enabled company account"));
        return new CompanyUserDetails(account);
    }
}
