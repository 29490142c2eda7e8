package fr.passerelle.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.partner.CompanySelfService;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.portal.CompanyAccountService;
import fr.passerelle.portal.PortalFixtures;
import fr.passerelle.portal.internal.CompanySignIns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class CompanySpaceViewTest extends KaribuTest {

    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    CompanyAccountService accounts;
    @Autowired
    CompanySelfService self;

    @Test
    void aCompanyUserSeesTheirCompanyAndTheirOwnDetails() {
        var created = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Terrassements Dijonnais", PortalFixtures.uniqueEmail());
        signIn(CompanySignIns.of(created.account()));

        UI.getCurrent().navigate("portail/espace");

        assertThat(_get(H1.class).getText()).isEqualTo("Espace entreprise : Terrassements Dijonnais");
        assertThat(field("Nom").getValue()).isEqualTo("Martin");
        assertThat(field("Fonction").getValue()).isEqualTo("Responsable RH");
        assertThat(field("Téléphone").getValue()).isEqualTo("03 80 12 34 56");
    }

    @Test
    void aCompanyUserUpdatesTheirDetailsAndBadInputIsRefusedNextToItsField() {
        var created = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Voirie de Beaune", PortalFixtures.uniqueEmail());
        signIn(CompanySignIns.of(created.account()));
        UI.getCurrent().navigate("portail/espace");

        field("Téléphone").setValue("12");
        save();
        assertThat(field("Téléphone").isInvalid()).isTrue();
        assertThat(field("Téléphone").getErrorMessage()).startsWith("Numéro de téléphone invalide");

        field("Téléphone").setValue("06 11 22 33 44");
        field("Fonction").setValue("<script>alert(1)</script> Directrice");
        save();
        assertThat(field("Téléphone").isInvalid()).isFalse();
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).contains("Vos coordonnées sont enregistrées.");

        signOut();
        setUpVaadinAgain();
        signIn(CompanySignIns.of(created.account()));
        UI.getCurrent().navigate("portail/espace");
        assertThat(field("Téléphone").getValue()).isEqualTo("06 11 22 33 44");
        assertThat(field("Fonction").getValue()).as("kept as text").isEqualTo("<script>alert(1)</script> Directrice");
    }

    @Test
    void aCompanyUserOnlyEverReachesTheirOwnCompanyEvenThroughTheService() {
        var mine = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Ma Société", PortalFixtures.uniqueEmail());
        var other = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Autre Société", PortalFixtures.uniqueEmail());
        signIn(CompanySignIns.of(mine.account()));

        assertThat(self.ownCompany(other.contact().id()).companyId()).isEqualTo(mine.company().id());
        assertThat(self.ownCompany(other.contact().id()).contact()).as("another company's contact is not shown").isNull();
        assertThatThrownBy(() -> self.updateOwnContact(other.contact().id(), other.contact().version(),
                new CompanySelfService.OwnContactDraft("X", "Pirate", null, null)))
                .hasMessage("partner.error.contact-not-found");
    }

    @Test
    void staffRolesCannotOpenTheCompanySpace() {
        signIn("referent");
        assertAccessDenied(CompanySpaceView.class);
        assertThatThrownBy(() -> self.ownCompany(null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() {
        UI.getCurrent().navigate("portail/espace");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SignInView.class);
    }

    @Test
    void staffScreensAreClosedToACompanyUser() {
        var created = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Bâtiments d’Auxonne", PortalFixtures.uniqueEmail());
        signIn(CompanySignIns.of(created.account()));

        for (String staffPath : new String[] {"", "entreprises", "utilisateurs", "login"}) {
            UI.getCurrent().navigate(staffPath);
            assertThat(UI.getCurrent().getCurrentView()).as(staffPath).isInstanceOf(CompanySpaceView.class);
        }
        assertThatThrownBy(() -> companies.get(created.company().id())).isInstanceOf(AccessDeniedException.class);
    }

    private static TextField field(String label) {
        return _get(TextField.class, spec -> spec.withLabel(label));
    }

    private static void save() {
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
    }
}
