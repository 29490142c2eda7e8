package fr.passerelle.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.offer.CompanyOffer;
import fr.passerelle.offer.CompanyOfferService;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.OfferStatus;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * The page the reminder e-mails link to: the offer, and a button that extends it in one click, then says until when.
 * An unsigned visitor signs in by link first and comes back here. An offer that does not exist, or is another
 * company's, gives the same "Offre introuvable" page.
 */
@Route("portail/espace/offres/:offerId/prolonger")
@RolesAllowed(Role.COMPANY_NAME)
class OfferExtensionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String OFFER_ID = "offerId";

    private final CompanyOfferService offers;
    private final Paragraph done = new Paragraph();
    private boolean found;

    OfferExtensionView(CompanyOfferService offers) {
        this.offers = offers;
        addClassName("portal-page");
        done.addClassName("portal-message-success");
        done.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CompanyOffer> offer = event.getRouteParameters().get(OFFER_ID)
                .filter(id -> id.matches("[0-9]{1,18}"))
                .flatMap(id -> offers.find(Long.parseLong(id)));
        found = offer.isPresent();
        offer.ifPresentOrElse(this::show, this::notFound);
    }

    private void show(CompanyOffer offer) {
        add(new H1(getTranslation("portal.space.offers.extension.title")), new Paragraph(offer.title()),
                new Paragraph(getTranslation("portal.space.offers.state", CompanyOfferTexts.state(this, offer))));
        if (offer.status() != OfferStatus.OPEN) {
            add(new Paragraph(getTranslation("portal.space.offers.extension.not-open",
                    getTranslation(offer.status().translationKey()))), backToSpace());
            return;
        }
        var extend = new Button(getTranslation("portal.space.offers.extend"));
        extend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        extend.addClickListener(click -> {
            try {
                CompanyOffer extended = offers.extend(offer.id());
                extend.setVisible(false);
                done.setText(getTranslation("portal.space.offers.extension.done", extended.title(),
                        DisplayFormats.date(extended.lastOpenDay())));
            } catch (OfferException refused) {
                done.setText(refused.message(this::getTranslation));
            }
        });
        add(new Paragraph(getTranslation("portal.space.offers.extension.intro")), extend, done, backToSpace());
    }

    private void notFound() {
        add(new H1(getTranslation("portal.space.offers.not-found.title")),
                new Paragraph(getTranslation("portal.space.offers.not-found.text")), backToSpace());
    }

    private Paragraph backToSpace() {
        return new Paragraph(new Anchor("portail/espace", getTranslation("portal.space.offers.back")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(found ? "portal.space.offers.extension.page-title" : "portal.space.offers.not-found.page-title");
    }
}
