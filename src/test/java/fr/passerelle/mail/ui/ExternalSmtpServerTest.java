package fr.passerelle.mail.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import fr.passerelle.KaribuTest;
import fr.passerelle.mail.CaughtMailbox;
import fr.passerelle.mail.MailServerInfo;
import fr.passerelle.mail.MailService;
import fr.passerelle.mail.OutgoingMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.mail.host} set, the application sends to that server (here a GreenMail the test
 * runs, standing for the organisation's relay) and starts no SMTP server of its own.
 */
@DirtiesContext
class ExternalSmtpServerTest extends KaribuTest {

    private static final GreenMail relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("passerelle-relay", "secret-pw"));

    static {
        relay.start();
    }

    @DynamicPropertySource
    static void mailSettings(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> relay.getSmtp().getPort());
        registry.add("spring.mail.username", () -> "passerelle-relay");
        registry.add("spring.mail.password", () -> "secret-pw");
    }

    @AfterAll
    static void stopRelay() {
        relay.stop();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MailService mail;


    @BeforeEach
    void emptyTheRelay() throws Exception {
        relay.purgeEmailFromAllMailboxes();
    }

    @Test
    void mailGoesToTheConfiguredServerAndNoEmbeddedServerStarts() throws Exception {
        assertThat(context.getBeansOfType(GreenMail.class)).isEmpty();
        assertThat(context.getBeanProvider(CaughtMailbox.class).getIfAvailable()).isNull();
        assertThat(context.getBean(JavaMailSenderImpl.class).getPort()).isEqualTo(relay.getSmtp().getPort());

        mail.send(OutgoingMail.text("jeanne@exemple.fr", "Par le relais de l’organisation", "Arrivé à destination."));

        assertThat(relay.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = relay.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Par le relais de l’organisation");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("jeanne@exemple.fr");
    }

    @Test
    void theServerIsDescribedWithoutItsPassword() {
        MailServerInfo server = context.getBean(MailServerInfo.class);
        assertThat(server.embedded()).isFalse();
        assertThat(server.description())
                .isEqualTo("SMTP server 127.0.0.1:" + relay.getSmtp().getPort() + " as user passerelle-relay")
                .doesNotContain("secret-pw");
    }

    @Test
    void theMailboxExplainsWhereMailGoesAndStillOffersATestMessage() throws Exception {
        signIn("admin");
        UI.getCurrent().navigate(MailboxView.class);

        assertThat(_find(Grid.class)).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("mail-server-note")).getText())
                .startsWith("Un serveur SMTP externe est configuré (127.0.0.1:" + relay.getSmtp().getPort() + ")")
                .doesNotContain("secret-pw");
        assertThat(_find(Button.class, spec -> spec.withText("Vider la boîte"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("Envoyer un message de test")));
        EmailField to = _get(EmailField.class, spec -> spec.withLabel("Destinataire"));
        assertThat(to.getHelperText()).isEqualTo("Le message part réellement vers cette adresse, par 127.0.0.1:"
                + relay.getSmtp().getPort() + ".");
        type(to, "admin@exemple.fr");
        _click(_get(Button.class, spec -> spec.withText("Envoyer")));

        NotificationsKt.expectNotifications("Message de test envoyé à admin@exemple.fr.");
        assertThat(relay.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(relay.getReceivedMessages()[0].getSubject()).isEqualTo("Message de test de Passerelle – vérification de l’envoi");
    }

    /**
     * Karibu 2.6.2's {@code _setValue} calls a method Vaadin 25 no longer has
     * ({@code AbstractFieldSupport.setValue(Object, boolean, boolean, boolean)}); set the value directly.
     */
    private static void type(EmailField field, String value) {
        assertThat(field.isEnabled() && !field.isReadOnly()).as("editable").isTrue();
        field.setValue(value);
    }
}
