package fr.passerelle.portal.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.portal.internal.SignInLinks;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The page a sign-in link opens. It does not use the token by itself (mail scanners open links): the person presses
 * the button, and the browser posts the token, with the CSRF token, to Spring Security's one-time-token login.
 */
@Route("portail/connexion/lien")
@AnonymousAllowed
class SignInLinkView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    SignInLinkView() {
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<String> tokens = event.getLocation().getQueryParameters().getParameters().getOrDefault(SignInLinks.TOKEN_PARAMETER, List.of());
        add(new H1(getTranslation("portal.sign-in-link.title")));
        if (tokens.size() != 1 || tokens.getFirst().isBlank() || tokens.getFirst().length() > 64) {
            add(new Paragraph(getTranslation("portal.sign-in-link.missing")),
                    new Paragraph(new Anchor("portail/connexion", getTranslation("portal.sign-in-link.ask-again"))));
            return;
        }
        var form = new NativeForm();
        form.getElement().setAttribute("method", "post");
        form.getElement().setAttribute("action", SignInLinks.PROCESSING_URL);
        form.getElement().appendChild(hidden("token", tokens.getFirst()));
        CsrfToken csrf = csrfToken();
        if (csrf != null) {
            form.getElement().appendChild(hidden(csrf.getParameterName(), csrf.getToken()));
        }
        var submit = new NativeButton(getTranslation("portal.sign-in-link.submit"));
        submit.getElement().setAttribute("type", "submit");
        submit.addClassNames("portal-button", "portal-button-primary");
        form.add(submit);
        add(new Paragraph(getTranslation("portal.sign-in-link.intro")), form);
    }

    private static Element hidden(String name, String value) {
        return new Element("input").setAttribute("type", "hidden").setAttribute("name", name).setAttribute("value", value);
    }

    /** Spring Security puts the session's CSRF token on every request it filters, Vaadin's own included. */
    private static @Nullable CsrfToken csrfToken() {
        var request = VaadinServletRequest.getCurrent();
        return request == null ? null : request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token : null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.sign-in-link.page-title");
    }

    /** A plain HTML form: the browser posts it, outside Vaadin's own channel. */
    @Tag("form")
    static final class NativeForm extends HtmlContainer {
    }
}
