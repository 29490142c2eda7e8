package fr.passerelle.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.passerelle.IntegrationTest;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** What administrators read of the caught mail: decoded, newest first, once per message. */
class CaughtMailboxTest extends IntegrationTest {

    @Autowired
    CaughtMailbox mailbox;
    @Autowired
    MailService mail;
    @Autowired
    JavaMailSender sender;
    @Autowired
    GreenMail smtpServer;

    @BeforeEach
    void emptyTheServer() throws Exception {
        smtpServer.purgeEmailFromAllMailboxes();
    }

    @Test
    void messagesAreListedNewestFirstAndPaged() {
        signInAs("ADMIN");
        for (String subject : List.of("Premier", "Deuxième", "Troisième")) {
            mail.send(OutgoingMail.text("jeanne@exemple.fr", subject, "Texte"));
        }

        assertThat(mailbox.count()).isEqualTo(3);
        assertThat(mailbox.list(0, 10)).extracting(CaughtMessage::subject).containsExactly("Troisième", "Deuxième", "Premier");
        assertThat(mailbox.list(1, 1)).extracting(CaughtMessage::subject).containsExactly("Deuxième");
        assertThat(mailbox.list(0, 10)).extracting(CaughtMessage::id).doesNotHaveDuplicates();
    }

    @Test
    void aMessageFromElsewhereIsDecodedWhateverItsCharsetAndStructure() throws Exception {
        signInAs("ADMIN");
        MimeMessage message = sender.createMimeMessage();
        message.setHeader("From", "=?ISO-8859-1?Q?Fran=E7ois_L=E9ger?= <francois@exemple.fr>");
        message.setHeader("To", "rh@exemple.fr");
        message.setHeader("Cc", "=?UTF-8?B?w4lsb2RpZQ==?= <elodie@exemple.fr>");
        message.setHeader("Subject", "=?ISO-8859-1?Q?Caf=E9_=E0_10h?=");
        var html = new MimeBodyPart();
        html.setContent("<html><head><style>p{color:red}</style></head><body><p>Bonjour,</p>"
                + "<p>Rendez-vous à l'accueil<br>Bâtiment B</p><ul><li>café</li><li>thé</li></ul></body></html>",
                "text/html; charset=ISO-8859-1");
        var attachment = new MimeBodyPart();
        attachment.setContent(new byte[] {1, 2, 3}, "application/pdf");
        attachment.setDisposition(Part.ATTACHMENT);
        attachment.setFileName(MimeUtility.encodeText("programme-été.pdf", "UTF-8", "Q"));
        message.setContent(new MimeMultipart(html, attachment));
        sender.send(message);

        CaughtMessage caught = mailbox.list(0, 1).getFirst();
        assertThat(caught.subject()).isEqualTo("Café à 10h");
        assertThat(caught.from()).isEqualTo("François Léger <francois@exemple.fr>");
        assertThat(caught.cc()).containsExactly("Élodie <elodie@exemple.fr>");
        assertThat(caught.text()).as("text drawn from the HTML, styles left out")
                .isEqualTo("Bonjour,\n\nRendez-vous à l'accueil\nBâtiment B\n\n- café\n- thé");
        assertThat(caught.hasHtml()).isTrue();
        assertThat(caught.attachments()).containsExactly("programme-été.pdf");
    }

    @Test
    void emptyingTheMailboxRemovesEveryMessage() {
        signInAs("ADMIN");
        mail.send(OutgoingMail.text("jeanne@exemple.fr", "À effacer", "Texte"));
        assertThat(mailbox.count()).isEqualTo(1);

        mailbox.clear();

        assertThat(mailbox.count()).isZero();
        assertThat(mailbox.list(0, 10)).isEmpty();
    }

    @Test
    void onlyAdministratorsReadCaughtMail() {
        for (String role : List.of("REFERENT", "COMMUNICATION")) {
            signInAs(role);
            assertThatThrownBy(() -> mailbox.list(0, 10)).as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(mailbox::clear).as(role).isInstanceOf(AccessDeniedException.class);
        }
        SecurityContextHolder.clearContext();
        assertThatThrownBy(mailbox::count).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private static void signInAs(String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                role.toLowerCase(), null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }
}
