package fr.passerelle.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.icegreen.greenmail.util.GreenMail;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.QueryParameters;
import fr.passerelle.KaribuTest;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.portal.CompanyAccountService;
import fr.passerelle.portal.PortalFixtures;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SignInViewTest extends KaribuTest {

    private static final String SENT = "Si cette adresse correspond à un compte entreprise, un lien de connexion vient d’y être envoyé. "
            + "Pensez à regarder dans vos courriers indésirables.";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    GreenMail smtpServer;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    CompanyAccountService accounts;

    private String previousAddress = "";

    @BeforeEach
    void ownClientAddress() {
        // Each test asks from its own address, so that the per-address limit of one does not reach another.
        previousAddress = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr("192.0.2." + ADDRESSES.getAndIncrement());
        UI.getCurrent().navigate("portail/connexion");
    }

    @AfterEach
    void restoreClientAddress() {
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(previousAddress);
    }

    @Test
    void aMalformedAddressIsRefusedNextToTheField() {
        ask("jeanne.dupont@entreprise");

        EmailField email = _get(EmailField.class);
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Cette adresse e-mail n’est pas valide : par exemple prenom.nom@entreprise.fr.");
        assertThat(sentMessage()).isEmpty();
    }

    @Test
    void aMissingAddressIsRefusedNextToTheField() {
        ask("   ");
        assertThat(_get(EmailField.class).getErrorMessage()).isEqualTo("Indiquez votre adresse e-mail.");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String unknown = PortalFixtures.uniqueEmail();
        ask(unknown);

        assertThat(_get(EmailField.class).isInvalid()).isFalse();
        assertThat(sentMessage()).isEqualTo(SENT);
        Thread.sleep(300);
        assertThat(messagesTo(unknown)).isZero();
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndItsLink() {
        String email = PortalFixtures.uniqueEmail();
        PortalFixtures.companyWithAccount(companies, contacts, accounts, "Canalisations de Bourgogne", email);

        ask(email.toUpperCase());

        assertThat(sentMessage()).isEqualTo(SENT);
        assertThat(smtpServer.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(messagesTo(email)).isEqualTo(1);
    }

    @Test
    void aFilledHoneypotIsAnsweredLikeAnyoneAndDropped() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        PortalFixtures.companyWithAccount(companies, contacts, accounts, "Logistique du Morvan", email);

        _get(HoneypotField.class).field().setValue("https://spam.example");
        ask(email);

        assertThat(sentMessage()).isEqualTo(SENT);
        Thread.sleep(500);
        assertThat(messagesTo(email)).as("nothing sent for a robot").isZero();
    }

    @Test
    void theSixthRequestForOneAddressWithinAnHourIsRefused() {
        String email = PortalFixtures.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            ask(email);
            assertThat(_get(EmailField.class).isInvalid()).as("request " + (i + 1)).isFalse();
        }
        ask(email);

        EmailField field = _get(EmailField.class);
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Trop de demandes en peu de temps. Réessayez dans une heure.");
    }

    @Test
    void theTwentyFirstRequestFromOneClientAddressWithinAnHourIsRefused() {
        for (int i = 0; i < 20; i++) {
            ask(PortalFixtures.uniqueEmail());
            assertThat(_get(EmailField.class).isInvalid()).as("request " + (i + 1)).isFalse();
        }
        ask(PortalFixtures.uniqueEmail());
        assertThat(_get(EmailField.class).getErrorMessage()).isEqualTo("Trop de demandes en peu de temps. Réessayez dans une heure.");
    }

    @Test
    void aRefusedLinkSaysSoAboveTheForm() {
        UI.getCurrent().navigate("portail/connexion", QueryParameters.of("lien", "invalide"));
        assertThat(_find(Paragraph.class).stream().filter(Paragraph::isVisible).map(Paragraph::getText))
                .contains("Ce lien de connexion n’est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau ci-dessous.");
    }

    @Test
    void theHoneypotIsHiddenFromScreenReadersAndOutOfTheTabOrder() {
        HoneypotField honeypot = _get(HoneypotField.class);
        assertThat(honeypot.getElement().getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(honeypot.field().getTabIndex()).isEqualTo(-1);
        assertThat(honeypot.field().getLabel()).isNotBlank();
    }

    private void ask(String address) {
        _get(EmailField.class).setValue(address);
        _click(_get(Button.class, spec -> spec.withText("Recevoir un lien de connexion")));
    }

    private static String sentMessage() {
        return _find(Paragraph.class).stream().filter(p -> p.getElement().getAttribute("role") != null
                && p.getElement().getAttribute("role").equals("status")).findFirst().orElseThrow().getText();
    }

    private long messagesTo(String address) {
        return Arrays.stream(smtpServer.getReceivedMessages()).filter(m -> recipientIs(m, address)).count();
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
