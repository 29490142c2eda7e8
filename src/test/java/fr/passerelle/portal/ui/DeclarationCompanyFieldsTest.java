package fr.passerelle.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.vaadin.flow.component.UI;
import fr.passerelle.KaribuTest;
import fr.passerelle.partner.CompanySelfService;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.portal.DeclarationFixtures;
import fr.passerelle.portal.PortalRateLimits;
import fr.passerelle.sirene.FakeSireneRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The company section against a local fake of INSEE's API Sirene: what a diffusible establishment publishes is prefilled. */
class DeclarationCompanyFieldsTest extends KaribuTest {

    @Autowired
    CompanySelfService companies;
    @Autowired
    PortalRateLimits rateLimits;

    private final FakeSireneRegister sirene = new FakeSireneRegister();
    private String previousAddress = "";
    private DeclarationCompanyFields fields;

    @BeforeEach
    void companySection() {
        previousAddress = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(DeclarationFixtures.uniqueClientAddress());
        fields = new DeclarationCompanyFields(sirene.register(), companies, rateLimits);
        UI.getCurrent().add(fields);
    }

    @AfterEach
    void stopSirene() {
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(previousAddress);
        sirene.close();
    }

    @Test
    void aDiffusibleEstablishmentPrefillsNameNafWorkforceAndAddress() {
        fields.siret.setValue("812 345 676 00025");

        assertThat(fields.legalName.getValue()).isEqualTo("TRAVAUX PUBLICS DU VAL DE SAONE");
        assertThat(fields.naf.getValue()).isEqualTo("42.21Z");
        assertThat(fields.workforce.getValue()).isEqualTo(WorkforceBracket.FROM_20);
        assertThat(fields.street.getValue()).isEqualTo("12 RUE DES ARTISANS");
        assertThat(fields.postcode.getValue()).isEqualTo("21000");
        assertThat(fields.commune.getValue()).isEqualTo("DIJON");
        assertThat(fields.siret.getHelperText()).startsWith("SIRET valide. Informations préremplies d’après le répertoire Sirene");
    }

    @Test
    void whatTheVisitorTypedIsKept() {
        fields.legalName.setValue("TP du Val de Saône");

        fields.siret.setValue(FakeSireneRegister.ACTIVE);

        assertThat(fields.legalName.getValue()).isEqualTo("TP du Val de Saône");
        assertThat(fields.commune.getValue()).isEqualTo("DIJON");
    }

    @Test
    void aNonDiffusibleEstablishmentShowsNothing() {
        fields.siret.setValue(FakeSireneRegister.PARTIALLY_DIFFUSIBLE);

        assertThat(sirene.requestCount()).as("the register was asked").isEqualTo(1);
        assertThat(fields.legalName.getValue()).isEmpty();
        assertThat(fields.naf.getValue()).isEmpty();
        assertThat(fields.commune.getValue()).isEmpty();
        assertThat(fields.workforce.getValue()).isNull();
        assertThat(fields.siret.getHelperText()).isEqualTo("SIRET valide.");
    }
}
