package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Component;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.offer.CompanyOffer;
import fr.passerelle.offer.OfferStatus;

/** How a company's offer reads in its space: where it stands, in plain words. */
final class CompanyOfferTexts {

    private CompanyOfferTexts() {
    }

    /** "Ouverte jusqu’au 12/03/2027 inclus", "En attente de validation par un référent", "Refusée"… */
    static String state(Component owner, CompanyOffer offer) {
        return offer.status() == OfferStatus.OPEN && offer.lastOpenDay() != null
                ? owner.getTranslation("portal.space.offers.state.open-until", DisplayFormats.date(offer.lastOpenDay()))
                : owner.getTranslation("portal.space.offers.state." + offer.status().name());
    }

    /** "Emploi à la sortie · CDI · 2 postes" */
    static String summary(Component owner, CompanyOffer offer) {
        return owner.getTranslation(offer.type().translationKey()) + " · " + owner.getTranslation(offer.contractType().translationKey())
                + " · " + owner.getTranslation(offer.positions() == 1 ? "portal.space.offers.one-position" : "portal.space.offers.positions",
                offer.positions());
    }

}
