package fr.passerelle.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.mail.InvalidMailAddressException;
import fr.passerelle.mail.MailDeliveryException;
import fr.passerelle.mail.MailServerInfo;
import fr.passerelle.mail.MailService;
import fr.passerelle.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a message through the configured SMTP path, so that an administrator can see mail work end to end. */
class TestMailDialog extends Dialog {

    /** The last recipient used in this session, offered again next time. */
    static final String LAST_RECIPIENT = TestMailDialog.class.getName() + ".recipient";
    private static final Logger log = LoggerFactory.getLogger(TestMailDialog.class);

    private final MailService mail;
    private final Runnable onSent;
    private final EmailField to = new EmailField();
    private final TextField subject = new TextField();
    private final TextArea body = new TextArea();

    TestMailDialog(MailService mail, Runnable onSent) {
        this.mail = mail;
        this.onSent = onSent;
        setHeaderTitle(getTranslation("mailbox.test.title"));
        setWidth("min(40rem, 95vw)");

        MailServerInfo server = mail.server();
        to.setLabel(getTranslation("mailbox.test.to"));
        to.setPlaceholder(getTranslation("mailbox.test.to.placeholder"));
        to.setHelperText(server.embedded() ? getTranslation("mailbox.test.to.help.embedded")
                : getTranslation("mailbox.test.to.help.external", server.address()));
        to.setRequiredIndicatorVisible(true);
        to.setManualValidation(true);
        if (VaadinSession.getCurrent().getAttribute(LAST_RECIPIENT) instanceof String last) {
            to.setValue(last);
        }
        subject.setLabel(getTranslation("mailbox.test.subject"));
        subject.setValue(getTranslation("mailbox.test.default-subject"));
        subject.setRequiredIndicatorVisible(true);
        subject.setManualValidation(true);
        body.setLabel(getTranslation("mailbox.test.body"));
        body.setValue(getTranslation("mailbox.test.default-body"));
        body.setMinRows(6);

        var form = new FormLayout(to, subject, body);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        var send = new Button(getTranslation("mailbox.test.send"), e -> send());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, send);
        to.focus();
    }

    private void send() {
        to.setInvalid(false);
        subject.setInvalid(false);
        if (subject.getValue().isBlank()) {
            subject.setErrorMessage(getTranslation("mailbox.test.error.subject"));
            subject.setInvalid(true);
            return;
        }
        String recipient = to.getValue().strip();
        try {
            mail.send(OutgoingMail.text(recipient, subject.getValue(), body.getValue()));
        } catch (InvalidMailAddressException e) {
            to.setErrorMessage(getTranslation("mailbox.test.error.to"));
            to.setInvalid(true);
            return;
        } catch (MailDeliveryException e) {
            log.warn("Test message could not be sent", e);
            Notifications.error(getTranslation("mailbox.test.error.delivery"));
            return;
        }
        VaadinSession.getCurrent().setAttribute(LAST_RECIPIENT, recipient);
        close();
        Notifications.success(getTranslation("mailbox.test.sent", recipient));
        onSent.run();
    }
}
