package fr.passerelle.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.passerelle.IntegrationTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Mail sent through {@link MailService} travels over real SMTP to the in-process server and arrives intact. */
class MailServiceTest extends IntegrationTest {

    private static final String SUBJECT = "Réunion d’équipe : bilan de l’été – « ordre du jour »";
    private static final String TEXT = """
            Bonjour Élodie,

            Voici l’ordre du jour : stages, contrats en alternance, forum à Besançon.
            Ça vous convient ? Œuvrons ensemble — à bientôt !""";

    @Autowired
    MailService mail;
    @Autowired
    GreenMail smtpServer;
    @Autowired
    CaughtMailbox mailbox;
    @Autowired
    MailServerInfo server;

    @BeforeEach
    void emptyTheServer() throws Exception {
        smtpServer.purgeEmailFromAllMailboxes();
    }

    @Test
    void theEmbeddedServerIsUsedWhenNoHostIsConfigured() {
        assertThat(server.embedded()).isTrue();
        assertThat(server.port()).isEqualTo(smtpServer.getSmtp().getPort()).isPositive();
        assertThat(server.description()).isEqualTo("embedded SMTP server (GreenMail) on 127.0.0.1:" + server.port());
    }

    @Test
    void mailArrivesIntactWithAccentsRecipientsAndSender() throws Exception {
        mail.send(new OutgoingMail(List.of("Élodie Rivière <elodie.riviere@exemple.fr>", "rh@entreprise-partenaire.fr"),
                SUBJECT, TEXT, "<p>Bonjour Élodie,</p><p>Voici l’ordre du jour.</p>", "Référent Dijon <referent.dijon@justice.fr>"));

        assertThat(smtpServer.waitForIncomingEmail(5000, 2)).as("one copy per recipient").isTrue();
        MimeMessage received = smtpServer.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(SUBJECT);
        assertThat(addresses(received.getFrom())).containsExactly("Passerelle <ne-pas-repondre@passerelle.local>");
        assertThat(addresses(received.getRecipients(Message.RecipientType.TO)))
                .containsExactly("Élodie Rivière <elodie.riviere@exemple.fr>", "rh@entreprise-partenaire.fr");
        assertThat(addresses(received.getReplyTo())).containsExactly("Référent Dijon <referent.dijon@justice.fr>");
        assertThat(received.getContentType()).startsWith("multipart/");
        assertThat(received.getSentDate()).isNotNull();
        assertThat(source(received)).as("a UTF-8 message, headers encoded as RFC 2047 words")
                .contains("charset=UTF-8").contains("Subject: =?UTF-8?");

        asAdmin();
        assertThat(mailbox.count()).as("listed once for both recipients").isEqualTo(1);
        CaughtMessage caught = mailbox.list(0, 10).getFirst();
        assertThat(caught.subject()).isEqualTo(SUBJECT);
        assertThat(caught.text()).as("the plain part of the alternative, line breaks kept").isEqualTo(TEXT);
        assertThat(caught.hasHtml()).isTrue();
        assertThat(caught.from()).isEqualTo("Passerelle <ne-pas-repondre@passerelle.local>");
        assertThat(caught.to()).containsExactly("Élodie Rivière <elodie.riviere@exemple.fr>", "rh@entreprise-partenaire.fr");
        assertThat(caught.replyTo()).isEqualTo("Référent Dijon <referent.dijon@justice.fr>");
        assertThat(caught.attachments()).isEmpty();
    }

    @Test
    void aPlainTextMailIsNotMultipart() throws Exception {
        mail.send(OutgoingMail.text("jeanne@exemple.fr", "Confirmation", "Votre adresse est confirmée. Merci !"));

        assertThat(smtpServer.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtpServer.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(received.getContent()).isEqualTo("Votre adresse est confirmée. Merci !");
        assertThat(received.getHeader("Reply-To")).isNull();
    }

    @Test
    void aBadAddressIsRefusedClearlyAndNothingIsSent() throws Exception {
        for (String bad : List.of("pas-une-adresse", "jeanne@", "@exemple.fr", "jeanne@exemple", "jeanne dupont@exemple.fr",
                "jeanne@exemple.fr, paul@exemple.fr", "jeanne@exemple.fr\r\nBcc: espion@exemple.fr", " ")) {
            assertThatThrownBy(() -> mail.send(OutgoingMail.text(bad, "Objet", "Texte")))
                    .as(bad)
                    .isInstanceOf(InvalidMailAddressException.class)
                    .hasMessageStartingWith("Not a valid e-mail address for 'to'")
                    .satisfies(e -> assertThat(((InvalidMailAddressException) e).address()).isEqualTo(bad));
        }
        assertThatThrownBy(() -> mail.send(new OutgoingMail(List.of("jeanne@exemple.fr", "faux"), "Objet", "Texte", null, null)))
                .as("one bad recipient among good ones stops the whole message")
                .isInstanceOf(InvalidMailAddressException.class);
        assertThatThrownBy(() -> mail.send(OutgoingMail.text("jeanne@exemple.fr", "Objet", "Texte").withReplyTo("réponse")))
                .isInstanceOf(InvalidMailAddressException.class)
                .hasMessage("Not a valid e-mail address for 'replyTo': 'réponse'");

        // A good message afterwards is the only one the server ever received.
        mail.send(OutgoingMail.text("jeanne@exemple.fr", "Seul message", "Texte"));
        assertThat(smtpServer.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtpServer.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("Seul message");
    }

    @Test
    void aMailNeedsARecipientAndASubject() {
        assertThatThrownBy(() -> new OutgoingMail(List.of(), "Objet", "Texte", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingMail.text("jeanne@exemple.fr", " ", "Texte")).isInstanceOf(IllegalArgumentException.class);
    }

    private void asAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(a -> (InternetAddress) a)
                .map(a -> a.getPersonal() == null ? a.getAddress() : a.getPersonal() + " <" + a.getAddress() + ">").toList();
    }

    private static String source(MimeMessage message) throws Exception {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void theDateHeaderIsTheOneJakartaMailWouldWriteAndFollowsTheClock() throws Exception {
        var reference = new MimeMessage((jakarta.mail.Session) null);
        java.time.Instant instant = java.time.Instant.parse("2026-07-14T08:30:15.750Z");
        reference.setSentDate(java.util.Date.from(instant));
        assertThat(MailService.sentDate(instant)).isEqualTo(reference.getHeader("Date", null));
        // The same second reads the same; the next second is formatted anew.
        assertThat(MailService.sentDate(instant.plusMillis(200))).isEqualTo(reference.getHeader("Date", null));
        reference.setSentDate(java.util.Date.from(instant.plusSeconds(1)));
        assertThat(MailService.sentDate(instant.plusSeconds(1))).isEqualTo(reference.getHeader("Date", null));

        MimeMessage built = mail.message(OutgoingMail.text("elodie.riviere@exemple.fr", "Bonjour", "Texte"),
                new MimeMessage((jakarta.mail.Session) null));
        assertThat(built.getSentDate()).isCloseTo(new java.util.Date(), 2_000);
    }
}
