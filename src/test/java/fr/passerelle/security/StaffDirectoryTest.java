package fr.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;

class StaffDirectoryTest extends IntegrationTest {

    @Autowired
    StaffDirectory directory;
    @Autowired
    UserAccountService accounts;

    @Test
    @WithUserDetails("admin")
    void listsTheActiveReferentsWithTheirDispOnly() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        CreatedUser lyon = accounts.create(new UserDraft("lyon." + suffix, "Aline Lyon " + suffix, null, Role.REFERENT, "DISP LYON"));
        CreatedUser gone = accounts.create(new UserDraft("gone." + suffix, "Bruno Parti " + suffix, null, Role.REFERENT, "DISP LYON"));
        accounts.setEnabled(gone.user().id(), false);
        accounts.create(new UserDraft("comm." + suffix, "Chloé Comm " + suffix, null, Role.COMMUNICATION, null));

        assertThat(directory.referents())
                .contains(new StaffMember(lyon.user().id(), "Aline Lyon " + suffix, "DISP LYON"))
                .anySatisfy(m -> assertThat(m.displayName()).isEqualTo("Référent démo (Dijon)"))
                .allSatisfy(m -> assertThat(m.dispCode()).isNotNull())
                .extracting(StaffMember::displayName).doesNotContain("Bruno Parti " + suffix, "Chloé Comm " + suffix, "Administratrice démo");
    }

    @Test
    @WithUserDetails("communication")
    void everyStaffRoleMayReadIt() {
        assertThat(directory.referents()).isNotEmpty();
    }

    @Test
    @WithMockUser(roles = "COMPANY")
    void companyContactsMayNot() {
        assertThatThrownBy(directory::referents).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymousVisitorsMayNot() {
        assertThatThrownBy(directory::referents).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
