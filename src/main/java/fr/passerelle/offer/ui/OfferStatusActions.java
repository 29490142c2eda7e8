package fr.passerelle.offer.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.OfferService;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.RejectionReason;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The moves a person may make from an offer's state: validate a declaration, reject it, mark an open
 * offer filled, close it. Each move but validating asks for confirmation (none can be undone), with the
 * reason field where one is needed. Expiry is the jobs' move, never offered here.
 */
final class OfferStatusActions extends Composite<HorizontalLayout> {

    private final OfferService offers;
    private final long offerId;
    private final String title;
    private final Runnable onMoved;

    OfferStatusActions(OfferService offers, long offerId, String title, OfferStatus status, boolean editable, Runnable onMoved) {
        this.offers = offers;
        this.offerId = offerId;
        this.title = title;
        this.onMoved = onMoved;
        getContent().setSpacing(false);
        getContent().addClassName("offer-status-actions");
        if (!editable) {
            return;
        }
        for (OfferStatus target : status.next()) {
            if (target == OfferStatus.EXPIRED) {
                continue;
            }
            var button = new Button(getTranslation("offer.action." + target.name()), e -> ask(target));
            button.setAriaLabel(getTranslation("offer.action." + target.name() + ".label", title));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, target == OfferStatus.OPEN ? ButtonVariant.LUMO_PRIMARY
                    : target == OfferStatus.REJECTED ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_TERTIARY);
            getContent().add(button);
        }
    }

    private void ask(OfferStatus target) {
        if (target == OfferStatus.OPEN) {
            move(target, null, null);
            return;
        }
        new MoveDialog(target).open();
    }

    private boolean move(OfferStatus target, @Nullable RejectionReason reason, @Nullable String text) {
        try {
            offers.transition(offerId, target, reason, text);
            Notifications.success(getTranslation("offer.action.done", title, getTranslation(target.translationKey())));
            onMoved.run();
            return true;
        } catch (OfferException e) {
            if (e.field() != null) {
                throw e;
            }
            Notifications.error(OfferDisplay.message(this, e));
            return false;
        } catch (AccessDeniedException e) {
            Notifications.error(getTranslation("offer.error.not-allowed"));
            return false;
        }
    }

    /** Confirms a move that cannot be undone; a rejection needs its reason, any move may say why. */
    final class MoveDialog extends Dialog {

        private final Select<RejectionReason> reason = new Select<>();
        private final TextArea text = new TextArea();

        MoveDialog(OfferStatus target) {
            setHeaderTitle(getTranslation("offer.action." + target.name() + ".title", title));
            add(new Paragraph(getTranslation("offer.action.final")));
            if (target.needsReason()) {
                reason.setLabel(getTranslation("offer.field.rejection-reason"));
                reason.setItems(RejectionReason.values());
                reason.setItemLabelGenerator(r -> r == null ? "" : getTranslation(r.translationKey()));
                reason.setRequiredIndicatorVisible(true);
                add(reason);
            }
            text.setLabel(getTranslation(target.needsReason() ? "offer.field.rejection-text" : "offer.action.comment"));
            text.setManualValidation(true);
            text.setWidthFull();
            add(text);
            var confirm = new Button(getTranslation("offer.action." + target.name()), e -> confirm(target));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
        }

        private void confirm(OfferStatus target) {
            reason.setInvalid(false);
            text.setInvalid(false);
            try {
                if (move(target, reason.getValue(), text.getValue())) {
                    close();
                }
            } catch (OfferException e) {
                var field = Objects.equals(e.field(), "reasonCode") ? reason : text;
                field.setErrorMessage(OfferDisplay.message(this, e));
                field.setInvalid(true);
            }
        }
    }
}
