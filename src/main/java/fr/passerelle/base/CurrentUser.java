package fr.passerelle.base;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for services that scope what they do (a referent acts on their DISP). */
@Component
public class CurrentUser {

    public Optional<SignedInUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof SignedInUser.Source source) {
            return Optional.of(source.signedInUser());
        }
        // A principal from elsewhere (a test's mock user): the role comes from the authorities.
        Role role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority)))
                .findFirst()
                .orElse(Role.COMPANY);
        return Optional.of(new SignedInUser(0, authentication.getName(), authentication.getName(), role, null));
    }

    public SignedInUser require() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
