package fr.passerelle.offer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.OfferSummary;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;

/** How offers read on screen: state badges, translated names, the messages of refused requests. */
final class OfferDisplay {

    private OfferDisplay() {
    }

    /** The state as a coloured label; the text always says it, the colour only helps. */
    static Span statusBadge(OfferStatus status) {
        var badge = new Span(UI.getCurrent().getTranslation(status.translationKey()));
        badge.getElement().getThemeList().add(switch (status) {
            case PENDING_VALIDATION -> "badge warning";
            case OPEN -> "badge success";
            case FILLED -> "badge";
            case CLOSED, EXPIRED -> "badge contrast";
            case REJECTED -> "badge error";
        });
        badge.addClassNames("offer-status", "offer-status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return badge;
    }

    /** The company's name, or the declared one marked as such ("Métallerie Dupont (déclarée)") while it has no CRM company. */
    static String companyName(Component owner, OfferSummary offer) {
        return offer.companyDeclared() ? owner.getTranslation("moderation.company.declared", offer.companyName()) : offer.companyName();
    }

    /** The message of a refused request, its states, types and reasons named in the reader's language. */
    static String message(Component owner, OfferException e) {
        return e.message(owner::getTranslation);
    }

    /** Runs a request; a refusal is told as a notification. True when it went through. */
    static boolean attempt(Component owner, Runnable action) {
        try {
            action.run();
            return true;
        } catch (OfferException e) {
            Notifications.error(message(owner, e));
        } catch (AccessDeniedException e) {
            Notifications.error(owner.getTranslation("offer.error.not-allowed"));
        }
        return false;
    }
}
