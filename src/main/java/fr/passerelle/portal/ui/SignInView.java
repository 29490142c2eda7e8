package fr.passerelle.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.portal.PortalException;
import fr.passerelle.portal.PortalInput;
import fr.passerelle.portal.internal.SignInLinks;

/**
 * Company sign-in: the visitor gives their e-mail address and receives a single-use link valid 15 minutes. Whatever
 * the address, the answer is the same (no one learns whether an address has an account).
 */
@Route("portail/connexion")
@AnonymousAllowed
class SignInView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final SignInLinks links;
    private final EmailField email = new EmailField();
    private final HoneypotField honeypot = new HoneypotField();
    private final Paragraph linkRefused = new Paragraph();
    private final Paragraph sent = new Paragraph();

    SignInView(SignInLinks links) {
        this.links = links;
        addClassName("portal-page");
        linkRefused.setText(getTranslation("portal.sign-in.link-refused"));
        linkRefused.addClassName("portal-message-error");
        linkRefused.getElement().setAttribute("role", "alert");
        linkRefused.setVisible(false);

        email.setLabel(getTranslation("portal.sign-in.email"));
        email.setHelperText(getTranslation("portal.sign-in.email-help"));
        email.setMaxLength(PortalInput.EMAIL_MAX_LENGTH);
        email.setRequiredIndicatorVisible(true);
        email.setManualValidation(true);
        email.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.EMAIL);
        email.setWidthFull();

        var submit = new Button(getTranslation("portal.sign-in.submit"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(com.vaadin.flow.component.Key.ENTER);

        sent.addClassName("portal-message-success");
        sent.getElement().setAttribute("role", "status");

        var form = new Div(email, honeypot, submit);
        form.addClassName("portal-form");
        add(new H1(getTranslation("portal.sign-in.title")), new Paragraph(getTranslation("portal.sign-in.intro")), linkRefused,
                form, sent);
    }

    private void submit() {
        email.setInvalid(false);
        sent.setText("");
        if (honeypot.isFilled()) {
            // A robot: answered like anyone else, and nothing is done.
            confirm();
            return;
        }
        try {
            links.request(email.getValue(), ClientAddress.current(), getLocale());
            confirm();
        } catch (PortalException refused) {
            email.setErrorMessage(getTranslation(refused.messageKey()));
            email.setInvalid(true);
            email.focus();
        }
    }

    private void confirm() {
        sent.setText(getTranslation("portal.sign-in.sent"));
        email.clear();
        honeypot.clear();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        linkRefused.setVisible(event.getLocation().getQueryParameters().getParameters().containsKey("lien"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.sign-in.page-title");
    }
}
