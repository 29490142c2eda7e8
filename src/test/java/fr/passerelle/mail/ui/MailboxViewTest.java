package fr.passerelle.mail.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.icegreen.greenmail.util.GreenMail;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.mail.CaughtMessage;
import fr.passerelle.mail.MailService;
import fr.passerelle.mail.OutgoingMail;
import fr.passerelle.security.ui.LoginView;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MailboxViewTest extends KaribuTest {

    @Autowired
    MailService mail;
    @Autowired
    GreenMail smtpServer;


    @BeforeEach
    void emptyTheServer() throws Exception {
        smtpServer.purgeEmailFromAllMailboxes();
    }

    @Test
    void anAdministratorReadsCaughtMessagesNewestFirstWithTheirDetail() {
        mail.send(OutgoingMail.text("jeanne@exemple.fr", "Ancien message", "Texte"));
        mail.send(new OutgoingMail(List.of("Élodie Rivière <elodie@exemple.fr>", "rh@exemple.fr"), "Invitation au forum de l’emploi",
                "Bonjour,\n\nLe forum a lieu à Besançon.\nÀ bientôt !", null, null));
        signIn("admin");
        UI.getCurrent().navigate(MailboxView.class);

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Boîte de réception (démo)");
        assertThat(_get(Span.class, spec -> spec.withClasses("mailbox-count")).getText()).isEqualTo("2 messages");
        Grid<CaughtMessage> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(grid, 0, "subject")).isEqualTo("Invitation au forum de l’emploi");
        assertThat(GridKt._getFormatted(grid, 0, "from")).isEqualTo("Passerelle <ne-pas-repondre@passerelle.local>");
        assertThat(GridKt._getFormatted(grid, 0, "to")).isEqualTo("Élodie Rivière <elodie@exemple.fr>, rh@exemple.fr");
        assertThat(GridKt._getFormatted(grid, 0, "receivedAt")).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(GridKt._getFormatted(grid, 1, "subject")).isEqualTo("Ancien message");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("empty-state").withText("Sélectionnez un message dans la liste pour le lire.")))
                .isNotNull();

        GridKt._select(grid, GridKt._get(grid, 0));

        assertThat(_get(H2.class, spec -> spec.withClasses("mail-subject")).getText()).isEqualTo("Invitation au forum de l’emploi");
        assertThat(_get(DescriptionList.class).getElement().getTextRecursively())
                .contains("De", "Passerelle <ne-pas-repondre@passerelle.local>", "À", "Élodie Rivière <elodie@exemple.fr>, rh@exemple.fr",
                        "Reçu le");
        Div body = _get(Div.class, spec -> spec.withClasses("mail-body"));
        assertThat(body.getText()).isEqualTo("Bonjour,\n\nLe forum a lieu à Besançon.\nÀ bientôt !");
        assertThat(body.getElement().getAttribute("aria-label")).isEqualTo("Contenu du message");
    }

    @Test
    void anEmptyMailboxSaysSoAndSuggestsATestMessage() {
        signIn("admin");
        UI.getCurrent().navigate(MailboxView.class);

        Grid<CaughtMessage> grid = grid();
        assertThat(GridKt._size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).startsWith("La boîte est vide.");
        assertThat(_get(Span.class, spec -> spec.withClasses("mailbox-count")).getText()).isEqualTo("Aucun message");
        assertThat(grid.getAriaLabel()).hasValue("Messages interceptés");
    }

    @Test
    void anAdministratorSendsATestMessageAndSeesItArrive() {
        signIn("admin");
        UI.getCurrent().navigate(MailboxView.class);
        _click(_get(Button.class, spec -> spec.withText("Envoyer un message de test")));

        assertThat(_get(TextField.class, spec -> spec.withLabel("Objet")).getValue())
                .isEqualTo("Message de test de Passerelle – vérification de l’envoi");
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Message")).getValue()).startsWith("Bonjour,\n\nCeci est un message de test");
        type(_get(EmailField.class, spec -> spec.withLabel("Destinataire")), "admin.demo@exemple.fr");
        _click(_get(Button.class, spec -> spec.withText("Envoyer")));

        assertThat(_find(Dialog.class)).as("the dialog closes").isEmpty();
        NotificationsKt.expectNotifications("Message de test envoyé à admin.demo@exemple.fr.");
        Grid<CaughtMessage> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "to")).isEqualTo("admin.demo@exemple.fr");
        GridKt._select(grid, GridKt._get(grid, 0));
        assertThat(_get(Div.class, spec -> spec.withClasses("mail-body")).getText())
                .contains("Les accents doivent s’afficher correctement : é, è, ê, à, ç, œ, « guillemets ».");

        _click(_get(Button.class, spec -> spec.withText("Envoyer un message de test")));
        assertThat(_get(EmailField.class, spec -> spec.withLabel("Destinataire")).getValue())
                .as("the last recipient is offered again").isEqualTo("admin.demo@exemple.fr");
    }

    @Test
    void aBadRecipientIsShownNextToTheFieldAndNothingIsSent() {
        signIn("admin");
        UI.getCurrent().navigate(MailboxView.class);
        _click(_get(Button.class, spec -> spec.withText("Envoyer un message de test")));

        type(_get(EmailField.class, spec -> spec.withLabel("Destinataire")), "pas-une-adresse");
        _click(_get(Button.class, spec -> spec.withText("Envoyer")));

        EmailField to = _get(EmailField.class, spec -> spec.withLabel("Destinataire"));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("Adresse e-mail invalide.");
        assertThat(smtpServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void refreshShowsMailThatArrivedMeanwhile() {
        signIn("admin");
        UI.getCurrent().navigate(MailboxView.class);
        assertThat(GridKt._size(grid())).isZero();

        mail.send(OutgoingMail.text("jeanne@exemple.fr", "Arrivé entre-temps", "Texte"));
        _click(_get(Button.class, spec -> spec.withText("Actualiser")));

        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(_get(Span.class, spec -> spec.withClasses("mailbox-count")).getText()).isEqualTo("1 message");
    }

    @Test
    void emptyingTheMailboxIsConfirmedFirst() {
        mail.send(OutgoingMail.text("jeanne@exemple.fr", "À effacer", "Texte"));
        signIn("admin");
        UI.getCurrent().navigate(MailboxView.class);

        _click(_get(Button.class, spec -> spec.withText("Vider la boîte")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Vider la boîte de réception ?");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(GridKt._size(grid())).as("cancel keeps the messages").isEqualTo(1);

        _click(_get(Button.class, spec -> spec.withText("Vider la boîte")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(GridKt._size(grid())).isZero();
        assertThat(smtpServer.getReceivedMessages()).isEmpty();
        NotificationsKt.expectNotifications("La boîte de réception a été vidée.");
    }

    @Test
    void communicationCannotOpenTheMailbox() {
        signIn("communication");
        assertAccessDenied(MailboxView.class);
    }

    /** Uses the demo referent, which exists once the reference data (its DISP) is loaded. */
    @Test
    void aReferentCannotOpenTheMailbox() {
        signIn("referent");
        assertAccessDenied(MailboxView.class);
    }

    @Test
    void anAnonymousVisitorLandsOnTheLoginPage() {
        UI.getCurrent().navigate(MailboxView.class);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<CaughtMessage> grid() {
        return _get(Grid.class);
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
