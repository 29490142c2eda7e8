package fr.passerelle.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.offer.OfferValidated;
import fr.passerelle.portal.CompanyAccountService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

@Transactional
class AccountsForValidatedOffersTest extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    CompanyAccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aValidatedOfferGivesItsContactAPortalAccountForTheCompany() {
        List<Map<String, Object>> contacts = jdbc.sql("select id, company_id from contact order by id limit 2").query().listOfRows();
        long contact = (Long) contacts.get(0).get("id");
        long company = (Long) contacts.get(0).get("company_id");

        events.publishEvent(new OfferValidated(1, company, contact, "Camille.Martin@Exemple.fr"));

        var account = accounts.findByEmail("camille.martin@exemple.fr").orElseThrow();
        assertThat(account.companyId()).isEqualTo(company);
        assertThat(account.contactId()).isEqualTo(contact);
        assertThat(account.enabled()).isTrue();
    }

    @Test
    void anAddressOfAnotherCompanyKeepsItsAccountAndTheValidationGoesOn() {
        List<Map<String, Object>> companies = jdbc.sql("select id from company order by id limit 2").query().listOfRows();
        long first = (Long) companies.get(0).get("id");
        long second = (Long) companies.get(1).get("id");
        accounts.ensureAccount(first, null, "partage@exemple.fr");

        events.publishEvent(new OfferValidated(2, second, 0, "partage@exemple.fr"));

        assertThat(accounts.findByEmail("partage@exemple.fr").orElseThrow().companyId()).isEqualTo(first);
    }
}
