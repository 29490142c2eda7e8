package fr.passerelle.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.BlurNotifier;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferType;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.Siret;
import fr.passerelle.portal.CompanyAccountService;
import fr.passerelle.portal.DeclarationFixtures;
import fr.passerelle.portal.PortalFixtures;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.ReferenceService;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The declaration form as a visitor on a phone fills it: checks as typed, messages next to fields, abuse refused. */
class DeclarationViewTest extends KaribuTest {

    private static final String SENT_TITLE = "Consultez votre boîte e-mail";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceService reference;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    CompanyAccountService accounts;

    private String previousAddress = "";
    private String clientAddress = "";

    @BeforeEach
    void ownClientAddress() {
        previousAddress = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        clientAddress = DeclarationFixtures.uniqueClientAddress();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(clientAddress);
        UI.getCurrent().navigate("portail/declarer");
    }

    @AfterEach
    void restoreClientAddress() {
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(previousAddress);
    }

    @Test
    void theSiretIsCheckedAsItIsTyped() {
        TextField siret = view().company().siret;

        siret.setValue("812 345 676 0002X");
        assertThat(siret.isInvalid()).isTrue();
        assertThat(siret.getErrorMessage()).isEqualTo("Le SIRET ne contient que des chiffres (les espaces sont acceptés).");

        siret.setValue("812 345 676");
        assertThat(siret.isInvalid()).as("still being typed").isFalse();
        ComponentUtil.fireEvent(siret, new BlurNotifier.BlurEvent<>(siret, true));
        assertThat(siret.getErrorMessage()).isEqualTo("Le SIRET compte 14 chiffres (9 saisis).");
        assertThat(siret.isInvalid()).isTrue();

        siret.setValue("81234567600026");
        assertThat(siret.isInvalid()).isTrue();
        assertThat(siret.getErrorMessage()).isEqualTo("Ce SIRET n’est pas valide : vérifiez les chiffres.");

        siret.setValue(new Siret(DeclarationFixtures.randomSiret()).formatted());
        assertThat(siret.isInvalid()).isFalse();
        assertThat(siret.getHelperText()).isEqualTo("SIRET valide.");
    }

    @Test
    void aCompanyTheCrmKnowsGetsItsLegalNamePrefilledAndNothingElse() {
        var known = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Canalisations de Bourgogne",
                PortalFixtures.uniqueEmail());
        DeclarationCompanyFields company = view().company();

        company.siret.setValue(new Siret(known.company().siret()).formatted());

        assertThat(company.legalName.getValue()).isEqualTo("Canalisations de Bourgogne");
        assertThat(company.commune.getValue()).as("the CRM's commune is not shown").isEmpty();
        assertThat(company.street.getValue()).isEmpty();
        assertThat(company.postcode.getValue()).isEmpty();
        assertThat(company.naf.getValue()).isEmpty();
        assertThat(company.workforce.getValue()).isNull();
        assertThat(company.siret.getHelperText()).isEqualTo("SIRET valide. Raison sociale préremplie : corrigez-la si besoin.");
    }

    @Test
    void aValidDeclarationIsStoredUnconfirmedAndItsLinkIsMailed() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        fill(email.toUpperCase());
        submit();

        assertThat(_get(H1.class).getText()).isEqualTo(SENT_TITLE);
        var row = jdbc.sql("""
                        select token_hash, client_address_hash, confirmed_at is null as unconfirmed, offer_id is null as no_offer,
                               extract(epoch from expires_at - created_at) as validity, title, consent_version
                        from portal_declaration where email = :email""")
                .param("email", email).query().singleRow();
        assertThat(row.get("unconfirmed")).isEqualTo(true);
        assertThat(row.get("no_offer")).isEqualTo(true);
        assertThat(((Number) row.get("validity")).longValue()).isEqualTo(48 * 3600);
        assertThat(row.get("title")).isEqualTo(DeclarationFixtures.OFFER_TITLE);
        assertThat((String) row.get("client_address_hash")).matches("[0-9a-f]{64}").doesNotContain(clientAddress);

        String text = jdbc.sql("select body_text from mail_outbox where :email = any(recipients) and kind = 'portal.declaration-confirmation'")
                .param("email", email).query(String.class).single();
        String token = DeclarationFixtures.tokenIn(text);
        assertThat(row.get("token_hash")).as("only the token's hash is stored").isNotEqualTo(token)
                .isEqualTo(sha256(token));
        assertThat(jdbc.sql("select count(*) from portal_declaration where token_hash = :token").param("token", token)
                .query(Long.class).single()).isZero();
    }

    @Test
    void withoutConsentNothingIsSentAndTheBoxSaysWhy() {
        String email = PortalFixtures.uniqueEmail();
        fill(email);
        view().consent.setValue(false);
        submit();

        assertThat(view().consent.isInvalid()).isTrue();
        assertThat(view().consent.getErrorMessage()).isEqualTo("Cochez cette case pour envoyer votre déclaration.");
        assertThat(stored(email)).isZero();
    }

    @Test
    void everyFieldHasALengthLimitAndALongerValueIsRefusedNextToIt() {
        DeclarationView view = view();
        assertThat(view.company().legalName.getMaxLength()).isEqualTo(120);
        assertThat(view.company().siret.getMaxLength()).isEqualTo(20);
        assertThat(view.lastName.getMaxLength()).isEqualTo(100);
        assertThat(view.email.getMaxLength()).isEqualTo(254);
        assertThat(view.phone.getMaxLength()).isEqualTo(30);
        assertThat(view.offer().title.getMaxLength()).isEqualTo(120);
        assertThat(view.offer().description.getMaxLength()).isEqualTo(4000);

        String email = PortalFixtures.uniqueEmail();
        fill(email);
        // A request forged past the browser's limit.
        view.company().legalName.setValue("x".repeat(121));
        view.jobTitle.setValue("y".repeat(101));
        submit();

        assertThat(view.company().legalName.isInvalid()).isTrue();
        assertThat(view.company().legalName.getErrorMessage()).isEqualTo("120 caractères au plus.");
        assertThat(view.jobTitle.getErrorMessage()).isEqualTo("100 caractères au plus.");
        assertThat(stored(email)).isZero();
    }

    @Test
    void problemsOfTheOfferShowNextToTheirField() {
        String email = PortalFixtures.uniqueEmail();
        fill(email);
        view().offer().title.setValue("   ");
        view().phone.setValue("12");
        submit();

        assertThat(view().offer().title.isInvalid()).isTrue();
        assertThat(view().offer().title.getErrorMessage()).isEqualTo("L’intitulé est obligatoire.");
        assertThat(view().phone.getErrorMessage()).isEqualTo("Ce numéro de téléphone n’est pas valide : par exemple 06 12 34 56 78.");
        assertThat(stored(email)).isZero();
    }

    @Test
    void aFilledHoneypotStoresNothingAndGetsTheSameAnswer() {
        String email = PortalFixtures.uniqueEmail();
        fill(email);
        view().honeypot.field().setValue("https://spam.example");
        submit();

        assertThat(_get(H1.class).getText()).isEqualTo(SENT_TITLE);
        assertThat(stored(email)).isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox where :email = any(recipients)").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSixthDeclarationForOneEmailAddressInADayIsRefused() {
        String email = PortalFixtures.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            UI.getCurrent().navigate("portail");
            UI.getCurrent().navigate("portail/declarer");
            fill(email);
            submit();
            assertThat(_get(H1.class).getText()).as("declaration " + (i + 1)).isEqualTo(SENT_TITLE);
        }
        UI.getCurrent().navigate("portail");
        UI.getCurrent().navigate("portail/declarer");
        fill(email);
        submit();

        assertThat(view().email.isInvalid()).isTrue();
        assertThat(view().email.getErrorMessage()).isEqualTo("Trop de déclarations pour cette adresse e-mail aujourd’hui. Réessayez demain.");
        assertThat(stored(email)).isEqualTo(5);
    }

    @Test
    void theDepartmentsAreOfferedByCodeOrNameAsTyped() {
        var department = view().offer().department();
        ComboBoxKt.setUserInput(department, "");
        assertThat(ComboBoxKt.getSuggestionItems(department)).as("every active department")
                .containsExactlyElementsOf(reference.departments());
        ComboBoxKt.setUserInput(department, "CÔTE-D");
        assertThat(ComboBoxKt.getSuggestionItems(department)).extracting(DepartmentSummary::code).as("by name, any case")
                .contains("21").doesNotContain("25", "75");
        ComboBoxKt.setUserInput(department, "21 –");
        assertThat(ComboBoxKt.getSuggestionItems(department)).extracting(DepartmentSummary::code).as("by code")
                .containsExactly("21");
    }

    @Test
    void onlyThePlaceOfTheChosenKindIsThereAndWhatWasTypedComesBack() {
        DeclarationOfferFields offer = view().offer();
        DepartmentSummary coteDor = reference.departments().stream().filter(d -> d.code().equals("21")).findFirst().orElseThrow();
        offer.department().setValue(coteDor);
        offer.commune().setValue("Dijon");
        assertThat(_find(MultiSelectComboBox.class)).as("no establishments for a job at release").isEmpty();

        offer.type.setValue(OfferType.WORKSHOP_JOBS);
        assertThat(offer.fields()).containsKey("establishments").doesNotContainKeys("departmentCode", "commune");
        assertThat(_find(ComboBox.class, spec -> spec.withLabel("Département du poste"))).isEmpty();
        assertThat(offer.establishments().getLabel()).isEqualTo("Établissements visés");
        assertThat(offer.draft().departmentCode()).as("the department does not go with a workshop offer").isNull();
        assertThat(offer.draft().commune()).isNull();

        offer.type.setValue(OfferType.APPRENTICESHIP);
        assertThat(_find(MultiSelectComboBox.class)).isEmpty();
        assertThat(offer.department().getValue()).as("typed before, back again").isEqualTo(coteDor);
        assertThat(offer.commune().getValue()).isEqualTo("Dijon");
        assertThat(offer.draft().departmentCode()).isEqualTo("21");
        var fields = view().offer().getContent().getChildren().map(c -> c.getElement().getProperty("label", "")).toList();
        assertThat(fields).as("the place in its place, before the dates")
                .containsSubsequence("Heures par semaine", "Département du poste", "Commune du poste", "Date de début");
    }

    private DeclarationView view() {
        return _get(DeclarationView.class);
    }

    private void fill(String email) {
        fill(view(), reference, email);
    }

    /** Fills the form with a valid declaration of a job at release in Côte-d'Or (also for other tests of the form). */
    static void fill(DeclarationView view, ReferenceService reference, String email) {
        view.company().siret.setValue(DeclarationFixtures.randomSiret());
        view.company().legalName.setValue("Chauffage Bourguignon");
        view.lastName.setValue("Martin");
        view.email.setValue(email);
        DeclarationOfferFields offer = view.offer();
        offer.type.setValue(OfferType.POST_RELEASE_JOB);
        offer.rome.setValue(reference.romeJob(DeclarationFixtures.ROME_CODE).orElseThrow());
        offer.title.setValue(DeclarationFixtures.OFFER_TITLE);
        offer.contract.setValue(ContractType.CDI);
        offer.department().setValue(reference.departments().stream().filter(d -> d.code().equals(DeclarationFixtures.DEPARTMENT))
                .findFirst().orElseThrow());
        offer.start.setValue(LocalDate.now().plusDays(14));
        view.consent.setValue(true);
    }

    private static void submit() {
        _click(_get(Button.class, spec -> spec.withText("Envoyer ma déclaration")));
    }

    private static String sha256(String value) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private long stored(String email) {
        return jdbc.sql("select count(*) from portal_declaration where email = :email").param("email", email).query(Long.class).single();
    }
}
