package fr.passerelle.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.portal.internal.PortalContact;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What anyone sees when a page fails to open (in place of Vaadin's page, which shows the stack trace in development):
 * a plain message and a reference that the log has beside the exception, and nothing of the exception itself.
 */
@AnonymousAllowed
public class PortalErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(PortalErrorView.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final PortalContact contact;

    PortalErrorView(PortalContact contact) {
        this.contact = contact;
        addClassNames("portal-page", "portal-error");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String reference = HexFormat.of().withUpperCase().formatHex(bytes);
        log.error("Page failed to open (reference {})", reference, parameter.getCaughtException());
        removeAll();
        add(new H1(getTranslation("portal.error.title")), new Paragraph(getTranslation("portal.error.text", contact.email())),
                new Paragraph(getTranslation("portal.error.reference", reference)),
                new Paragraph(new Anchor("portail", getTranslation("portal.error.home"))));
        getElement().setAttribute("role", "main");
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
