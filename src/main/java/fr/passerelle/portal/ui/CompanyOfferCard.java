package fr.passerelle.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.offer.CompanyOffer;
import fr.passerelle.offer.CompanyOfferService;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.OfferStatus;
import java.util.function.LongFunction;

/**
 * One offer in the company's space: what it is and where it stands; an open one can be extended in one click, closed
 * or marked filled after a confirmation, and its number of positions changed (a refusal shows next to the field).
 * After each change the card shows the offer as saved, with what was done.
 */
final class CompanyOfferCard extends ListItem {

    private final CompanyOfferService offers;
    private final Paragraph done = new Paragraph();
    private final IntegerField positions = new IntegerField();
    private CompanyOffer offer;

    CompanyOfferCard(CompanyOfferService offers, CompanyOffer offer) {
        this.offers = offers;
        this.offer = offer;
        setId("offre-" + offer.id());
        addClassName("portal-offer");
        done.getElement().setAttribute("role", "status");
        show();
    }

    private void show() {
        removeAll();
        var title = new H3(offer.title());
        var state = new Paragraph(getTranslation("portal.space.offers.state", CompanyOfferTexts.state(this, offer)));
        state.addClassName("portal-offer-state");
        add(title, state, new Paragraph(CompanyOfferTexts.summary(this, offer)));
        if (!offer.place().isBlank()) {
            add(new Paragraph(getTranslation("portal.space.offers.place", offer.place())));
        }
        add(new Paragraph(offer.endDate() == null
                ? getTranslation("portal.space.offers.from", DisplayFormats.date(offer.startDate()))
                : getTranslation("portal.space.offers.from-to", DisplayFormats.date(offer.startDate()), DisplayFormats.date(offer.endDate()))));
        if (offer.status() == OfferStatus.REJECTED && offer.rejectionReason() != null) {
            String reason = getTranslation(offer.rejectionReason().translationKey());
            add(new Paragraph(offer.rejectionText() == null ? getTranslation("portal.space.offers.rejected-because", reason)
                    : getTranslation("portal.space.offers.rejected-because-text", reason, offer.rejectionText())));
        }
        if (offer.status() == OfferStatus.OPEN) {
            add(actions());
        }
        add(done);
    }

    private Div actions() {
        var extend = button("portal.space.offers.extend", () -> act(offers::extend, "portal.space.offers.extended"));
        extend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var close = button("portal.space.offers.close", () -> Confirmation.ask(
                getTranslation("portal.space.offers.close.confirm-title", offer.title()),
                getTranslation("portal.space.offers.close.confirm-text"), getTranslation("portal.space.offers.close.confirm"),
                () -> act(offers::close, "portal.space.offers.closed")));
        var filled = button("portal.space.offers.fill", () -> Confirmation.ask(
                getTranslation("portal.space.offers.fill.confirm-title", offer.title()),
                getTranslation("portal.space.offers.fill.confirm-text"), getTranslation("portal.space.offers.fill.confirm"),
                () -> act(offers::markFilled, "portal.space.offers.filled")));

        positions.setLabel(getTranslation("portal.space.offers.positions-field"));
        positions.setHelperText(getTranslation("portal.space.offers.positions-help"));
        positions.setMin(1);
        positions.setMax(999);
        positions.setStepButtonsVisible(true);
        positions.setManualValidation(true);
        positions.setValue(offer.positions());
        var savePositions = button("portal.space.offers.save-positions", this::savePositions);
        var positionsForm = new Div(positions, savePositions);
        positionsForm.addClassName("portal-form");

        var actions = new Div(extend, close, filled, positionsForm);
        actions.addClassName("portal-actions");
        return actions;
    }

    private Button button(String key, Runnable action) {
        var button = new Button(getTranslation(key), click -> action.run());
        // Each card has the same buttons: a screen reader says which offer each is for.
        button.setAriaLabel(getTranslation(key + ".label", offer.title()));
        return button;
    }

    /** Runs a change; a refusal (the offer changed meanwhile, say) is said on the card. */
    private void act(LongFunction<CompanyOffer> change, String doneKey) {
        try {
            offer = change.apply(offer.id());
            show();
            say(getTranslation(doneKey, DisplayFormats.date(offer.lastOpenDay())), false);
        } catch (OfferException refused) {
            say(refused.message(this::getTranslation), true);
        }
    }

    private void savePositions() {
        positions.setInvalid(false);
        done.setText("");
        try {
            offer = offers.changePositions(offer.id(), offer.version(), positions.getValue());
            show();
            say(getTranslation("portal.space.offers.positions-saved", offer.positions()), false);
        } catch (OfferException refused) {
            refuse(refused);
        }
    }

    private void refuse(OfferException refused) {
        if ("positions".equals(refused.field())) {
            positions.setErrorMessage(refused.message(this::getTranslation));
            positions.setInvalid(true);
            positions.focus();
        } else {
            say(refused.message(this::getTranslation), true);
        }
    }

    /** What was done, or why not: said politely, or urgently. */
    private void say(String text, boolean refused) {
        done.setText(text);
        done.setClassName("portal-message-success", !refused);
        done.setClassName("portal-message-error", refused);
        done.getElement().setAttribute("role", refused ? "alert" : "status");
    }
}
