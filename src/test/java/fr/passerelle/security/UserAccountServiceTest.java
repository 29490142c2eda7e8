package fr.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.Role;
import fr.passerelle.security.domain.AppUserRepository;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

class UserAccountServiceTest extends IntegrationTest {

    @Autowired
    UserAccountService accounts;
    @Autowired
    AppUserRepository users;
    @Autowired
    UserDetailsService userDetailsService;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    @WithUserDetails("admin")
    void adminCreatesAReferentWhoseGeneratedPasswordSignsIn() {
        String username = uniqueName("marie.dupont");
        CreatedUser created = accounts.create(new UserDraft(" " + username.toUpperCase(Locale.ROOT) + " ", "Marie Dupont",
                "marie.dupont@justice.fr", Role.REFERENT, "DISP DIJON"));

        assertThat(created.user().username()).isEqualTo(username);
        assertThat(created.user().dispCode()).isEqualTo("DISP DIJON");
        assertThat(created.temporaryPassword()).hasSize(19);
        var stored = users.findByUsername(username).orElseThrow();
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(created.temporaryPassword());

        var authentication = authenticate(username, created.temporaryPassword());
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getAuthorities()).extracting(a -> a.getAuthority())
                .contains("ROLE_REFERENT").doesNotContain("ROLE_ADMIN", "ROLE_COMMUNICATION");
    }

    @Test
    @WithUserDetails("admin")
    void rejectsMalformedAndDuplicateUsernames() {
        assertError(() -> accounts.create(draft("A", Role.COMMUNICATION, null)), "username", "users.error.username-format");
        assertError(() -> accounts.create(draft("jean dupont", Role.COMMUNICATION, null)), "username", "users.error.username-format");
        assertError(() -> accounts.create(draft("admin", Role.COMMUNICATION, null)), "username", "users.error.username-taken");
    }

    @Test
    @WithUserDetails("admin")
    void aReferentNeedsADispAndOtherRolesHaveNone() {
        assertError(() -> accounts.create(draft(uniqueName("sans.disp"), Role.REFERENT, null)), "dispCode", "users.error.disp-required");

        var created = accounts.create(draft(uniqueName("comm"), Role.COMMUNICATION, "DISP DIJON"));
        assertThat(created.user().dispCode()).as("a communication account is not attached to a DISP").isNull();
    }

    @Test
    @WithUserDetails("admin")
    void rejectsAMalformedEmail() {
        var bad = new UserDraft(uniqueName("mail"), "Jean Martin", "jean.martin@", Role.COMMUNICATION, null);
        assertError(() -> accounts.create(bad), "email", "users.error.email-format");
        assertThat(users.findByUsername(bad.username())).as("nothing saved").isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void aDisabledAccountCannotSignInUntilEnabledAgain() {
        var created = accounts.create(draft(uniqueName("temp"), Role.COMMUNICATION, null));
        accounts.setEnabled(created.user().id(), false);

        assertThatThrownBy(() -> authenticate(created.user().username(), created.temporaryPassword()))
                .isInstanceOf(DisabledException.class);

        accounts.setEnabled(created.user().id(), true);
        assertThat(authenticate(created.user().username(), created.temporaryPassword()).isAuthenticated()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void resettingAPasswordRevokesTheOldOne() {
        var created = accounts.create(draft(uniqueName("reset"), Role.COMMUNICATION, null));
        String newPassword = accounts.resetPassword(created.user().id());

        assertThat(newPassword).isNotEqualTo(created.temporaryPassword());
        assertThatThrownBy(() -> authenticate(created.user().username(), created.temporaryPassword()))
                .hasMessageContaining("Bad credentials");
        assertThat(authenticate(created.user().username(), newPassword).isAuthenticated()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorCannotLockThemselvesOut() {
        long self = users.findByUsername("admin").orElseThrow().getId();
        assertError(() -> accounts.setEnabled(self, false), "enabled", "users.error.disable-self");
        assertError(() -> accounts.update(self, new UserDraft("admin", "Admin", null, Role.COMMUNICATION, null)),
                "role", "users.error.own-role");
        assertThat(users.findByUsername("admin").orElseThrow().getRole()).isEqualTo(Role.ADMIN);
    }

    @Test
    @WithUserDetails("admin")
    void listsUsersBySearchAndRole() {
        var page = accounts.list("COMMUN", Role.COMMUNICATION, PageRequest.of(0, 50));
        assertThat(page.getContent()).extracting(UserSummary::username).contains("communication");
        assertThat(page.getContent()).allMatch(u -> u.role() == Role.COMMUNICATION);
    }

    @Test
    @WithUserDetails("communication")
    void onlyAdministratorsManageAccounts() {
        assertThatThrownBy(() -> accounts.list("", null, PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.create(draft(uniqueName("x"), Role.ADMIN, null))).isInstanceOf(AccessDeniedException.class);
        long admin = users.findByUsername("admin").orElseThrow().getId();
        assertThatThrownBy(() -> accounts.resetPassword(admin)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("communication")
    void everyoneKeepsTheirOwnLanguageOnly() {
        accounts.saveLocale("communication", Locale.ENGLISH);
        assertThat(accounts.find("communication").orElseThrow().locale()).isEqualTo(Locale.ENGLISH);
        accounts.saveLocale("communication", Locale.FRENCH);
        assertThat(accounts.find("communication").orElseThrow().locale()).isEqualTo(Locale.FRENCH);

        assertThatThrownBy(() -> accounts.saveLocale("admin", Locale.ENGLISH)).isInstanceOf(UserAccountException.class);
    }

    private org.springframework.security.core.Authentication authenticate(String username, String password) {
        var provider = new DaoAuthenticationProvider(userDetailsService);
        provider.setPasswordEncoder(passwordEncoder);
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private static UserDraft draft(String username, Role role, String disp) {
        return new UserDraft(username, "Personne de test", null, role, disp);
    }

    private static String uniqueName(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertError(Runnable action, String field, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(UserAccountException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
