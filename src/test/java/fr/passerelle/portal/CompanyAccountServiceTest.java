package fr.passerelle.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CompanyAccountServiceTest extends IntegrationTest {

    @Autowired
    CompanyAccountService accounts;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;

    @Test
    void ensureAccountCreatesOnceLowerCasedAndKeepsTheCompany() {
        String email = PortalFixtures.uniqueEmail();
        var created = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Enrobés de Saône", email);
        assertThat(created.account().email()).isEqualTo(email);
        assertThat(created.account().enabled()).isTrue();
        assertThat(created.account().contactId()).isEqualTo(created.contact().id());

        CompanyAccount again = accounts.ensureAccount(created.company().id(), null, "  " + email.toUpperCase() + " ");
        assertThat(again.id()).isEqualTo(created.account().id());
        assertThat(again.contactId()).as("the contact stays").isEqualTo(created.contact().id());
    }

    @Test
    void anAddressBelongsToOneCompanyOnly() {
        String email = PortalFixtures.uniqueEmail();
        PortalFixtures.companyWithAccount(companies, contacts, accounts, "Premier", email);
        var other = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Second", PortalFixtures.uniqueEmail());

        assertThatThrownBy(() -> accounts.ensureAccount(other.company().id(), null, email))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.messageKey()).isEqualTo("portal.error.email-of-another-company");
                });
    }

    @Test
    void aMalformedAddressIsRefused() {
        var created = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Troisième", PortalFixtures.uniqueEmail());
        assertThatThrownBy(() -> accounts.ensureAccount(created.company().id(), null, "pas-une-adresse"))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.messageKey()).isEqualTo("portal.error.email-format"));
    }
}
