package fr.passerelle.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.Translations;
import fr.passerelle.portal.internal.PortalContact;
import fr.passerelle.portal.internal.PortalSessions;
import java.util.Locale;
import java.util.Objects;

/**
 * The public shell of every page under {@code /portail} (the most specific {@code @Layout}, so the staff shell never
 * wraps them): a skip link, a header with the name and the portal's links, a language switch, the page in
 * {@code <main>}, a footer with the legal notice. Mobile first (see {@code styles/portal.css}).
 */
@Layout("/portail")
@AnonymousAllowed
@StyleSheet("styles/portal.css")
public final class PortalLayout extends Div implements RouterLayout {

    static final String MAIN_ID = "contenu";
    private final Main main = new Main();

    PortalLayout(CurrentUser currentUser, PortalContact contact) {
        addClassName("portal");
        var skip = new Anchor("#" + MAIN_ID, getTranslation("portal.skip-link"));
        skip.addClassName("portal-skip-link");

        var home = new Anchor();
        home.setHref("portail");
        home.addClassName("portal-brand");
        var name = new Span(getTranslation("app.name"));
        name.addClassName("portal-brand-name");
        var tagline = new Span(getTranslation("portal.tagline"));
        tagline.addClassName("portal-brand-tagline");
        home.add(name, tagline);

        boolean company = currentUser.find().map(u -> u.role() == Role.COMPANY).orElse(false);
        var nav = new Nav(link("portail/declarer", "portal.nav.declare"), link("portail/ateliers", "portal.nav.workshops"),
                company ? link("portail/espace", "portal.nav.space") : link("portail/connexion", "portal.nav.sign-in"));
        nav.addClassName("portal-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("portal.nav.label"));

        var header = new Header(home, nav, languageSwitch());
        header.addClassName("portal-header");

        main.setId(MAIN_ID);
        main.getElement().setAttribute("tabindex", "-1");
        main.addClassName("portal-main");

        var legal = link("portail/mentions-legales", "portal.footer.legal");
        var mail = new Anchor("mailto:" + contact.email(), contact.email());
        var footer = new Footer(new Paragraph(legal), new Paragraph(new Span(getTranslation("portal.footer.contact") + " "), mail));
        footer.addClassName("portal-footer");
        add(skip, header, main, footer);
    }

    private Anchor link(String path, String key) {
        return new Anchor(path, getTranslation(key));
    }

    /** Two buttons, each named in its own language; the chosen one is marked pressed. */
    private Component languageSwitch() {
        var group = new Div();
        group.addClassName("portal-languages");
        group.getElement().setAttribute("role", "group");
        group.getElement().setAttribute("aria-label", getTranslation("portal.language.label"));
        Locale current = Translations.supported(getLocale());
        for (Locale locale : Translations.LOCALES) {
            var button = new NativeButton(getTranslation("language." + locale.getLanguage()), click -> choose(locale));
            button.getElement().setAttribute("type", "button");
            button.getElement().setAttribute("lang", locale.getLanguage());
            button.getElement().setAttribute("aria-pressed", String.valueOf(locale.equals(current)));
            group.add(button);
        }
        return group;
    }

    private static void choose(Locale locale) {
        UI ui = UI.getCurrent();
        VaadinSession.getCurrent().setAttribute(PortalSessions.LOCALE_ATTRIBUTE, locale);
        VaadinSession.getCurrent().setLocale(locale);
        ui.setLocale(locale);
        ui.getPage().reload();
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        main.getElement().appendChild(Objects.requireNonNull(content).getElement());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // The page's language, for screen readers (and axe's html-has-lang).
        attachEvent.getUI().getPage().executeJs("document.documentElement.lang = $0", Translations.supported(getLocale()).getLanguage());
    }
}
