package fr.passerelle.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.offer.OfferException;
import fr.passerelle.portal.internal.DeclarationLink;
import fr.passerelle.portal.internal.Declarations;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page a declaration's confirmation link opens. It does not use the token by itself (mail scanners open links):
 * the person presses "Confirmer ma déclaration", which hands the declaration to the referents once, then tells them
 * what happens next. An expired, used or unknown link says so, with a way to declare again.
 */
@Route("portail/declarer/confirmer")
@AnonymousAllowed
class DeclarationConfirmationView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(DeclarationConfirmationView.class);

    private final Declarations declarations;
    private String token = "";

    DeclarationConfirmationView(Declarations declarations) {
        this.declarations = declarations;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> tokens = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(Declarations.TOKEN_PARAMETER, List.of());
        token = tokens.size() == 1 ? tokens.getFirst().strip() : "";
        DeclarationLink state = token.isEmpty() ? DeclarationLink.UNKNOWN : declarations.state(token);
        if (state == DeclarationLink.PENDING) {
            showConfirmButton();
        } else {
            show(state);
        }
    }

    private void showConfirmButton() {
        removeAll();
        var confirm = new Button(getTranslation("portal.declare.confirm.submit"), click -> confirm());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        add(new H1(getTranslation("portal.declare.confirm.title")), new Paragraph(getTranslation("portal.declare.confirm.intro")),
                confirm);
    }

    private void confirm() {
        DeclarationLink result;
        try {
            result = declarations.confirm(token);
        } catch (OfferException refused) {
            log.warn("A confirmed declaration was refused by the offer module: {} on {}", refused.messageKey(), refused.field());
            showProblem("portal.declare.confirm.failed");
            return;
        }
        show(result);
    }

    private void show(DeclarationLink state) {
        switch (state) {
            case JUST_CONFIRMED -> showNextSteps();
            case ALREADY_CONFIRMED -> {
                removeAll();
                add(title("portal.declare.confirm.already.title"), new Paragraph(getTranslation("portal.declare.confirm.already")),
                        new Paragraph(new Anchor("portail/connexion", getTranslation("portal.declare.next.sign-in"))));
            }
            case EXPIRED -> showProblem("portal.declare.confirm.expired");
            case UNKNOWN, PENDING -> showProblem("portal.declare.confirm.unknown");
        }
    }

    private void showProblem(String key) {
        removeAll();
        add(title("portal.declare.confirm.problem.title"), new Paragraph(getTranslation(key)),
                new Paragraph(new Anchor("portail/declarer", getTranslation("portal.declare.confirm.declare-again"))));
    }

    /** What happens now: a referent checks it, the company hears back by e-mail, then follows it in its space. */
    private void showNextSteps() {
        removeAll();
        var steps = new OrderedList(new ListItem(getTranslation("portal.declare.next.check")),
                new ListItem(getTranslation("portal.declare.next.mail")),
                new ListItem(new Paragraph(getTranslation("portal.declare.next.follow")),
                        new Anchor("portail/connexion", getTranslation("portal.declare.next.sign-in"))));
        steps.addClassName("portal-declare-steps");
        add(title("portal.declare.next.title"), new Paragraph(getTranslation("portal.declare.next.intro")), steps);
    }

    private H1 title(String key) {
        var title = new H1(getTranslation(key));
        title.getElement().setAttribute("tabindex", "-1");
        return title;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.declare.confirm.page-title");
    }
}
