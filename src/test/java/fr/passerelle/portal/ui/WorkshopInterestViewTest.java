package fr.passerelle.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.workshop.WorkshopFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.workshop.WorkshopFixtures.draft;
import static fr.passerelle.workshop.WorkshopFixtures.establishmentId;
import static fr.passerelle.workshop.WorkshopFixtures.token;
import static fr.passerelle.workshop.WorkshopFixtures.withPublic;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import fr.passerelle.KaribuTest;
import fr.passerelle.portal.PortalFixtures;
import fr.passerelle.workshop.WorkshopFixtures;
import fr.passerelle.workshop.WorkshopInterestSummary;
import fr.passerelle.workshop.WorkshopService;
import fr.passerelle.workshop.WorkshopSpaceSummary;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The "Je suis intéressé" page of a space, for a visitor who is not signed in. */
class WorkshopInterestViewTest extends KaribuTest {

    private static final String SENT_TITLE = "Votre demande est envoyée";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    WorkshopService workshops;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private String previousAddress = "";
    private WorkshopSpaceSummary space;

    @BeforeEach
    void ownClientAddressAndSpace() {
        // Each test sends from its own address, so that the per-address limit of one does not reach another.
        previousAddress = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr("198.51.100." + ADDRESSES.getAndIncrement());
        space = asAdmin(() -> workshops.create(draft(establishmentId(jdbc, DIJON_ESTABLISHMENT), "Atelier " + token())));
    }

    @AfterEach
    void restoreClientAddress() {
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(previousAddress);
    }

    @Test
    void aSentRequestIsConfirmedAndWaitsInTheDispQueue() {
        open(space.id());
        assertThat(_get(H1.class).getText()).isEqualTo("Je suis intéressé par cet espace");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Je suis intéressé par un espace d’atelier – Passerelle");
        assertThat(texts()).anyMatch(t -> t.contains(space.label()));
        assertThat(texts()).anyMatch(t -> t.contains("conservées 3 ans") && t.contains("contact@passerelle.local"));
        String company = "Menuiserie <b>Bourguignonne</b> " + token();

        fill(company, "130 005 481 21800", "Claire Martin", "Claire.Martin@Exemple.fr", "03 80 12 34 56", "Nous cherchons 300 m².");
        send();

        assertThat(_get(H2.class, spec -> spec.withText(SENT_TITLE)).getElement().getAttribute("tabindex")).isEqualTo("-1");
        assertThat(_find(TextField.class)).as("the form is gone").isEmpty();
        WorkshopInterestSummary pending = pendingAbout(space.id()).getFirst();
        assertThat(pending.companyName()).isEqualTo(company);
        assertThat(pending.siret()).isEqualTo("13000548121800");
        assertThat(pending.contactName()).isEqualTo("Claire Martin");
        assertThat(pending.email()).isEqualTo("claire.martin@exemple.fr");
        assertThat(pending.phone()).isEqualTo("+33380123456");
        assertThat(pending.message()).isEqualTo("Nous cherchons 300 m².");
        assertThat(pending.dispCode()).isEqualTo("DISP DIJON");
    }

    @Test
    void everyMistakeIsShownNextToItsFieldAndNothingIsSent() {
        open(space.id());
        fill("  ", "", "", "", "", "");
        send();

        assertThat(error(field("Nom de l’entreprise"))).isEqualTo("Indiquez le nom de votre entreprise.");
        assertThat(error(field("Votre nom"))).isEqualTo("Indiquez votre nom.");
        assertThat(error(_get(EmailField.class))).isEqualTo("Indiquez votre adresse e-mail.");
        assertThat(field("SIRET (facultatif)").isInvalid()).isFalse();

        fill("Logistique du Morvan", "", "Claire Martin", "claire@exemple", "01 02", "");
        send();
        assertThat(error(_get(EmailField.class))).isEqualTo("Cette adresse e-mail n’est pas valide (par exemple prenom.nom@entreprise.fr).");
        assertThat(error(field("Téléphone (facultatif)"))).isEqualTo("Ce numéro de téléphone n’est pas valide (par exemple 03 80 12 34 56).");
        assertThat(field("Nom de l’entreprise").isInvalid()).isFalse();
        assertThat(pendingAbout(space.id())).isEmpty();
    }

    @Test
    void theSiretIsCheckedAsItIsTyped() {
        open(space.id());
        TextField siret = field("SIRET (facultatif)");
        siret.setValue("130 005");
        assertThat(siret.isInvalid()).as("still being typed").isFalse();
        siret.setValue("130 005 481 21801");
        assertThat(error(siret)).isEqualTo("Ce SIRET n’est pas valide : il compte 14 chiffres (par exemple 130 005 481 21800).");
        siret.setValue("130 005 481 21800");
        assertThat(siret.isInvalid()).isFalse();
        siret.setValue("13OO5");
        assertThat(siret.isInvalid()).as("a letter").isTrue();
    }

    @Test
    void theWorkshopModulesRefusalIsShownNextToTheFieldItNames() {
        open(space.id());
        assertThat(_get(TextArea.class).getMaxLength()).isEqualTo(2000);
        assertThat(field("Nom de l’entreprise").getMaxLength()).isEqualTo(200);
        // What a forged request could send past the length the field lets people type.
        fill("Logistique du Morvan", "", "Claire Martin", PortalFixtures.uniqueEmail(), "", "x".repeat(2001));
        send();

        assertThat(error(_get(TextArea.class))).isEqualTo("Le message ne doit pas dépasser 2\u202f000 caractères.");
        assertThat(pendingAbout(space.id())).isEmpty();
    }

    @Test
    void aFilledHoneypotGetsTheSameAnswerAndNothingIsRecorded() {
        open(space.id());
        _get(HoneypotField.class).field().setValue("https://spam.example");
        fill("Robot SARL", "", "Robot", PortalFixtures.uniqueEmail(), "", "Achetez !");
        send();

        assertThat(_find(H2.class, spec -> spec.withText(SENT_TITLE))).hasSize(1);
        assertThat(pendingAbout(space.id())).isEmpty();
    }

    @Test
    void theSixthRequestOfADayForOneEmailAddressIsRefusedNextToIt() {
        String email = PortalFixtures.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            open(space.id());
            fill("Logistique du Morvan", "", "Claire Martin", email, "", "");
            send();
            assertThat(_find(H2.class, spec -> spec.withText(SENT_TITLE))).as("request " + (i + 1)).hasSize(1);
        }
        open(space.id());
        fill("Logistique du Morvan", "", "Claire Martin", email.toUpperCase(), "", "");
        send();

        assertThat(error(_get(EmailField.class)))
                .isEqualTo("Vous avez déjà envoyé plusieurs demandes aujourd’hui avec cette adresse. Réessayez demain.");
        assertThat(pendingAbout(space.id())).hasSize(5);
    }

    @Test
    void theTwentyFirstRequestOfADayFromOneClientAddressIsRefused() {
        for (int i = 0; i < 20; i++) {
            open(space.id());
            fill("Logistique du Morvan", "", "Claire Martin", PortalFixtures.uniqueEmail(), "", "");
            send();
            assertThat(_find(H2.class, spec -> spec.withText(SENT_TITLE))).as("request " + (i + 1)).hasSize(1);
        }
        open(space.id());
        fill("Logistique du Morvan", "", "Claire Martin", PortalFixtures.uniqueEmail(), "", "");
        send();

        assertThat(_get(Paragraph.class, spec -> spec.withAttribute("role", "alert")).getText())
                .isEqualTo("Trop de demandes ont été envoyées depuis votre connexion aujourd’hui. Réessayez demain, "
                        + "ou écrivez-nous à contact@passerelle.local.");
        assertThat(_find(H2.class, spec -> spec.withText(SENT_TITLE))).isEmpty();
        assertThat(pendingAbout(space.id())).hasSize(20);
    }

    @Test
    void aSpaceOutsideThePublicCatalogueIsNotFoundWithoutDetail() {
        WorkshopSpaceSummary hidden = asAdmin(() -> workshops.create(withPublic(draft(establishmentId(jdbc, DIJON_ESTABLISHMENT),
                "Atelier " + token()), false)));
        for (String id : List.of(String.valueOf(hidden.id()), "999999999", "abc", "0", "99999999999999999999")) {
            UI.getCurrent().navigate("portail/ateliers/" + id + "/interet");
            assertThat(_get(H1.class).getText()).as(id).isEqualTo("Espace introuvable");
            assertThat(texts()).as(id).contains("Cet espace n’est pas, ou plus, proposé dans le catalogue des ateliers.");
            assertThat(_find(TextField.class)).as(id).isEmpty();
            assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Espace introuvable – Passerelle");
        }
    }

    private static void open(long spaceId) {
        UI.getCurrent().navigate("portail/ateliers/" + spaceId + "/interet");
    }

    private static void fill(String company, String siret, String contact, String email, String phone, String message) {
        field("Nom de l’entreprise").setValue(company);
        field("SIRET (facultatif)").setValue(siret);
        field("Votre nom").setValue(contact);
        _get(EmailField.class).setValue(email);
        field("Téléphone (facultatif)").setValue(phone);
        _get(TextArea.class).setValue(message);
    }

    private static void send() {
        _click(_get(Button.class, spec -> spec.withText("Envoyer ma demande")));
    }

    private static TextField field(String label) {
        return _get(TextField.class, spec -> spec.withLabel(label));
    }

    private static String error(TextFieldBase<?, ?> field) {
        assertThat(field.isInvalid()).as(field.getLabel() + " invalid").isTrue();
        return field.getErrorMessage();
    }

    private static List<String> texts() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).toList();
    }

    private List<WorkshopInterestSummary> pendingAbout(long spaceId) {
        return asAdmin(() -> workshops.pendingInterests("DISP DIJON", Pageable.unpaged()).stream()
                .filter(i -> i.spaceId() == spaceId).toList());
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        WorkshopFixtures.signIn(users, "admin");
        try {
            return work.get();
        } finally {
            signOut();
        }
    }
}
