package fr.passerelle.optout.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.base.Translations;
import fr.passerelle.optout.UnsubscribeTokens;
import fr.passerelle.optout.internal.Unsubscriptions;
import fr.passerelle.optout.internal.Unsubscriptions.Answer;
import fr.passerelle.optout.internal.Unsubscriptions.Check;

/**
 * The page a campaign message's unsubscribe link opens, without sign-in: the address (partly masked) and one button
 * that confirms. Opening the page changes nothing, since link scanners open every link of a message; only the click does.
 * Clicking again, or opening the link once unsubscribed, says it is done already. A token that is malformed, altered
 * or made up gets a plain French message, and never any detail of why.
 */
@Route(value = UnsubscribeTokens.PATH + "/:" + UnsubscribeView.TOKEN, autoLayout = false)
@AnonymousAllowed
@StyleSheet("styles/portal.css")
class UnsubscribeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String TOKEN = "token";

    private final Unsubscriptions unsubscriptions;
    private final Div page = new Div();
    private String titleKey = "optout.page.title";

    UnsubscribeView(Unsubscriptions unsubscriptions) {
        this.unsubscriptions = unsubscriptions;
        addClassName("portal");
        var name = new Span(getTranslation("app.name"));
        name.addClassName("portal-brand-name");
        var brand = new Div(name);
        brand.addClassName("portal-brand");
        var header = new Header(brand);
        header.addClassName("portal-header");
        page.addClassName("portal-page");
        var main = new Main(page);
        main.addClassName("portal-main");
        add(header, main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        page.removeAll();
        String token = event.getRouteParameters().get(TOKEN).orElse("");
        switch (unsubscriptions.check(token, clientAddress())) {
            case Check.Valid valid when valid.alreadyBlocked() -> done("optout.page.already", valid.token().address());
            case Check.Valid valid -> ask(token, valid.token().address());
            case Check.Refused refused -> refused(refused.tooMany());
        }
    }

    private void ask(String token, String address) {
        titleKey = "optout.page.title";
        var confirm = new Button(getTranslation("optout.page.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var status = new Paragraph();
        status.getElement().setAttribute("role", "status");
        confirm.addClickListener(click -> {
            Answer answer = unsubscriptions.unsubscribe(token, clientAddress());
            switch (answer) {
                case UNSUBSCRIBED -> done("optout.page.done", address);
                case ALREADY_UNSUBSCRIBED -> done("optout.page.already", address);
                case TOO_MANY -> {
                    status.setText(getTranslation("optout.page.too-many"));
                    status.setClassName("portal-message-error");
                }
                case REFUSED -> refused(false);
            }
        });
        page.add(new H1(getTranslation("optout.page.heading")),
                new Paragraph(getTranslation("optout.page.address", MaskedAddress.of(address))),
                new Paragraph(getTranslation("optout.page.explanation")), confirm, status);
    }

    private void done(String key, String address) {
        titleKey = "optout.page.done-title";
        page.removeAll();
        var message = new Paragraph(getTranslation(key, MaskedAddress.of(address)));
        message.addClassName("portal-message-success");
        message.getElement().setAttribute("role", "status");
        page.add(new H1(getTranslation("optout.page.done-heading")), message, new Paragraph(getTranslation("optout.page.permanent")));
    }

    private void refused(boolean tooMany) {
        titleKey = "optout.page.refused-title";
        page.removeAll();
        page.add(new H1(getTranslation("optout.page.refused-heading")),
                new Paragraph(getTranslation(tooMany ? "optout.page.too-many" : "optout.page.refused")));
    }

    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().executeJs("document.documentElement.lang = $0", Translations.supported(getLocale()).getLanguage());
    }
}
