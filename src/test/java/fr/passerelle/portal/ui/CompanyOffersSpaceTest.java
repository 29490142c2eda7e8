package fr.passerelle.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.KaribuTest;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.offer.CompanyOfferDraft;
import fr.passerelle.offer.CompanyOfferService;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferDetails;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.offer.OfferService;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.OfferType;
import fr.passerelle.offer.RejectionReason;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.portal.CompanyAccountService;
import fr.passerelle.portal.PortalFixtures;
import fr.passerelle.portal.internal.CompanySignIns;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.ReferenceService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The company's offers in its space, and the extension page the reminder e-mails link to. */
class CompanyOffersSpaceTest extends KaribuTest {

    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    CompanyAccountService accounts;
    @Autowired
    OfferService offers;
    @Autowired
    CompanyOfferService companyOffers;
    @Autowired
    ReferenceService reference;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(jdbc, users);
    }

    @Test
    void theCompanySeesItsOffersWithTheirStates() {
        var created = company("Charpente Morvandelle");
        long open = openOffer(created, "Charpentier");
        long closed = openOffer(created, "Couvreur");
        fixtures.as("admin", () -> offers.transition(closed, OfferStatus.CLOSED, null, null));
        signIn(CompanySignIns.of(created.account()));
        long pending = companyOffers.add(draft("Zingueur", null)).id();
        long rejected = companyOffers.add(draft("Scieur", null)).id();
        fixtures.as("admin", () -> offers.transition(rejected, OfferStatus.REJECTED, RejectionReason.OTHER, "Déjà publiée ailleurs"));
        LocalDate lastDay = companyOffers.require(open).lastOpenDay();
        long otherCompanysOffer = openOffer(company("Autre Charpente"), "Menuisier");

        UI.getCurrent().navigate("portail/espace");

        assertThat(_get(card(open), H3.class).getText()).isEqualTo("Charpentier");
        assertThat(texts(card(open))).contains("État : ouverte jusqu’au " + DisplayFormats.date(lastDay) + " inclus",
                "Emploi à la sortie · CDI · 2 postes", "Lieu : Dijon, Côte-d'Or (21)");
        assertThat(texts(card(closed))).contains("État : clôturée");
        assertThat(texts(card(pending))).contains("État : en attente de validation par un référent");
        assertThat(texts(card(rejected))).contains("État : refusée", "Motif du refus : Autre motif – Déjà publiée ailleurs");
        assertThat(_find(card(open), Button.class)).extracting(Button::getText)
                .containsExactly("Prolonger", "Clôturer", "Marquer comme pourvue", "Enregistrer le nombre de postes");
        for (long notOpen : new long[] {closed, pending, rejected}) {
            assertThat(_find(card(notOpen), Button.class)).isEmpty();
        }
        assertThat(_find(ListItem.class, spec -> spec.withId("offre-" + otherCompanysOffer))).isEmpty();
    }

    @Test
    void anOpenOfferIsExtendedInOneClick() {
        var created = company("Tonnellerie Beaunoise");
        long open = openOffer(created, "Tonnelier");
        jdbc.sql("update offer set last_company_update_at = :at where id = :id")
                .param("at", java.time.Instant.now().minus(85, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC)).param("id", open).update();
        signIn(CompanySignIns.of(created.account()));
        UI.getCurrent().navigate("portail/espace");
        LocalDate before = companyOffers.require(open).lastOpenDay();

        _click(_get(card(open), Button.class, spec -> spec.withText("Prolonger")));

        LocalDate after = companyOffers.require(open).lastOpenDay();
        assertThat(after).isAfter(before.plusDays(80));
        assertThat(texts(card(open))).contains("État : ouverte jusqu’au " + DisplayFormats.date(after) + " inclus",
                "Offre prolongée : elle reste ouverte jusqu’au " + DisplayFormats.date(after) + " inclus.");
    }

    @Test
    void closingAndMarkingFilledAskForConfirmationFirst() {
        var created = company("Vitraux de Chablis");
        long toClose = openOffer(created, "Vitrailliste");
        long toFill = openOffer(created, "Verrier");
        signIn(CompanySignIns.of(created.account()));
        UI.getCurrent().navigate("portail/espace");

        _click(_get(card(toClose), Button.class, spec -> spec.withText("Clôturer")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Clôturer l’offre « Vitrailliste » ?");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(status(toClose)).isEqualTo(OfferStatus.OPEN);

        _click(_get(card(toClose), Button.class, spec -> spec.withText("Clôturer")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(status(toClose)).isEqualTo(OfferStatus.CLOSED);
        assertThat(texts(card(toClose))).contains("État : clôturée", "Offre clôturée.");
        assertThat(_find(card(toClose), Button.class)).isEmpty();

        _click(_get(card(toFill), Button.class, spec -> spec.withText("Marquer comme pourvue")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(status(toFill)).isEqualTo(OfferStatus.FILLED);
        assertThat(texts(card(toFill))).contains("État : pourvue");
    }

    @Test
    void positionsOutOfRangeAreRefusedNextToTheField() {
        var created = company("Ferronnerie de Semur");
        long open = openOffer(created, "Ferronnier");
        signIn(CompanySignIns.of(created.account()));
        UI.getCurrent().navigate("portail/espace");

        positions(open).setValue(1000);
        _click(_get(card(open), Button.class, spec -> spec.withText("Enregistrer le nombre de postes")));
        assertThat(positions(open).isInvalid()).isTrue();
        assertThat(positions(open).getErrorMessage()).isEqualTo("Indiquez un nombre de postes entre 1 et 999.");
        assertThat(companyOffers.require(open).positions()).isEqualTo(2);

        positions(open).setValue(5);
        _click(_get(card(open), Button.class, spec -> spec.withText("Enregistrer le nombre de postes")));
        assertThat(positions(open).isInvalid()).isFalse();
        assertThat(companyOffers.require(open).positions()).isEqualTo(5);
        assertThat(texts(card(open))).contains("Emploi à la sortie · CDI · 5 postes", "Nombre de postes enregistré : 5.");
    }

    @Test
    void anotherOfferIsAddedForTheReferentsToValidateAndBadInputIsRefusedNextToItsField() {
        var created = company("Boulangerie Autunoise");
        signIn(CompanySignIns.of(created.account()));
        UI.getCurrent().navigate("portail/espace");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).contains("Vous n’avez pas encore d’offre chez nous.");

        _click(_get(Button.class, spec -> spec.withText("Ajouter une offre")));
        select("Type d’offre").setValue(OfferType.POST_RELEASE_JOB);
        @SuppressWarnings("unchecked")
        ComboBox<fr.passerelle.reference.RomeJob> rome = _get(ComboBox.class, spec -> spec.withLabel("Métier (ROME)"));
        rome.setValue(reference.romeJob("D1102").orElseThrow());
        _get(TextField.class, spec -> spec.withLabel("Intitulé")).setValue("Boulanger");
        _get(IntegerField.class, spec -> spec.withLabel("Nombre de postes")).setValue(2);
        @SuppressWarnings("unchecked")
        ComboBox<ContractType> contract = _get(ComboBox.class, spec -> spec.withLabel("Contrat"));
        contract.setValue(ContractType.CDD);
        NumberField hours = _get(NumberField.class, spec -> spec.withLabel("Heures par semaine"));
        hours.setValue(50.0);
        @SuppressWarnings("unchecked")
        ComboBox<DepartmentSummary> department = _get(ComboBox.class, spec -> spec.withLabel("Département"));
        department.setValue(reference.departments().stream().filter(d -> d.code().equals("71")).findFirst().orElseThrow());
        _get(TextField.class, spec -> spec.withLabel("Commune")).setValue("Autun");

        _click(_get(Button.class, spec -> spec.withText("Envoyer l’offre")));
        assertThat(hours.isInvalid()).isTrue();
        assertThat(hours.getErrorMessage()).isNotBlank();
        assertThat(companyOffers.offers()).isEmpty();

        hours.setValue(35.0);
        _click(_get(Button.class, spec -> spec.withText("Envoyer l’offre")));

        var added = companyOffers.offers();
        assertThat(added).singleElement().satisfies(offer -> {
            assertThat(offer.title()).isEqualTo("Boulanger");
            assertThat(offer.status()).isEqualTo(OfferStatus.PENDING_VALIDATION);
        });
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .contains("Votre offre « Boulanger » est envoyée : un référent la validera avant qu’elle soit proposée.");
        assertThat(texts(card(added.getFirst().id()))).contains("État : en attente de validation par un référent");
        assertThat(_find(Button.class, spec -> spec.withText("Envoyer l’offre"))).as("the form is closed").isEmpty();
        OfferDetails details = fixtures.as("admin", () -> offers.require(added.getFirst().id()));
        assertThat(details.companyId()).isEqualTo(created.company().id());
        assertThat(details.contactId()).isEqualTo(created.contact().id());
        assertThat(details.source()).hasToString("PORTAL");
    }

    @Test
    void theReminderLinkShowsTheOfferAndExtendsItInOneClick() {
        var created = company("Poterie de Digoin");
        long open = openOffer(created, "Potier");
        signIn(CompanySignIns.of(created.account()));

        UI.getCurrent().navigate("portail/espace/offres/" + open + "/prolonger");

        assertThat(_get(H1.class).getText()).isEqualTo("Prolonger votre offre");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).contains("Potier");
        _click(_get(Button.class, spec -> spec.withText("Prolonger")));
        LocalDate after = companyOffers.require(open).lastOpenDay();
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .contains("C’est fait : votre offre « Potier » reste ouverte jusqu’au " + DisplayFormats.date(after) + " inclus.");
        assertThat(_find(Button.class, spec -> spec.withText("Prolonger"))).isEmpty();
        assertThat(jdbc.sql("select last_company_update_at > now() - interval '1 minute' from offer where id = :id").param("id", open)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anotherCompanysOfferInTheLinkAnswersAsAnOfferThatDoesNotExist() {
        var mine = company("Marbrerie de Comblanchien");
        long theirs = openOffer(company("Carrière Concurrente"), "Tailleur de pierre");
        long missing = jdbc.sql("select coalesce(max(id), 0) + 1000 from offer").query(Long.class).single();
        signIn(CompanySignIns.of(mine.account()));

        for (String id : new String[] {String.valueOf(theirs), String.valueOf(missing), "abc"}) {
            UI.getCurrent().navigate("portail/espace/offres/" + id + "/prolonger");
            assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(OfferExtensionView.class);
            assertThat(_get(H1.class).getText()).as(id).isEqualTo("Offre introuvable");
            assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).as(id)
                    .contains("Cette offre n’existe pas ou plus.").doesNotContain("Tailleur de pierre");
            assertThat(_find(Button.class, spec -> spec.withText("Prolonger"))).isEmpty();
        }
        assertThat(status(theirs)).isEqualTo(OfferStatus.OPEN);
    }

    @Test
    void staffRolesCannotOpenTheSpaceNorTheExtensionPage() {
        long offer = openOffer(company("Forge de Buxy"), "Forgeron");
        for (String staff : new String[] {"admin", "referent", "communication"}) {
            signIn(staff);
            assertAccessDenied(CompanySpaceView.class);
            try {
                UI.getCurrent().navigate("portail/espace/offres/" + offer + "/prolonger");
            } catch (RuntimeException denied) {
                assertThat(denied).hasMessageContaining("Access is denied");
            }
            assertThat(UI.getCurrent().getCurrentView()).as(staff).isNotInstanceOf(OfferExtensionView.class);
        }
    }

    @Test
    void anUnsignedVisitorOfTheLinkSignsInFirstAndTheLinkIsRemembered() {
        UI.getCurrent().navigate("portail/espace/offres/12/prolonger");

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SignInView.class);
        assertThat(VaadinSession.getCurrent().getSession().getAttribute("fr.passerelle.portal.internal.SpaceReturn.path"))
                .isEqualTo("/portail/espace/offres/12/prolonger");
    }

    private PortalFixtures.Created company(String name) {
        return PortalFixtures.companyWithAccount(companies, contacts, accounts, name, PortalFixtures.uniqueEmail());
    }

    private long openOffer(PortalFixtures.Created created, String title) {
        return fixtures.as("admin", () -> offers.create(OfferFixtures.job(created.company().id(), title, "21", created.contact().id()))).id();
    }

    private static CompanyOfferDraft draft(String title, LocalDate end) {
        return new CompanyOfferDraft(OfferType.POST_RELEASE_JOB, "H2913", title, null, 1, ContractType.CDI, BigDecimal.valueOf(35),
                "Dijon", "21", Set.of(), DisplayFormats.today(), end);
    }

    private OfferStatus status(long id) {
        return OfferStatus.valueOf(jdbc.sql("select status from offer where id = :id").param("id", id).query(String.class).single());
    }

    private static ListItem card(long offerId) {
        return _get(ListItem.class, spec -> spec.withId("offre-" + offerId));
    }

    private static IntegerField positions(long offerId) {
        return _get(card(offerId), IntegerField.class, spec -> spec.withLabel("Nombre de postes"));
    }

    private static List<String> texts(Component root) {
        return _find(root, Paragraph.class).stream().map(Paragraph::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String label) {
        return _get(Select.class, spec -> spec.withLabel(label));
    }
}
