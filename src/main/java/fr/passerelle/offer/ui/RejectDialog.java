package fr.passerelle.offer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.offer.ModerationService;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.PendingOffer;
import fr.passerelle.offer.RejectionReason;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;

/**
 * Confirms the rejection of a declaration, which cannot be undone: a reason from the list, and a text (required for
 * "Autre") that the company receives by e-mail with it. A missing reason is told next to its field.
 */
final class RejectDialog extends Dialog {

    final Select<RejectionReason> reason = new Select<>();
    final TextArea text = new TextArea();
    private final ModerationService moderation;
    private final PendingOffer offer;
    private final Runnable onRejected;

    RejectDialog(ModerationService moderation, PendingOffer offer, Runnable onRejected) {
        this.moderation = moderation;
        this.offer = offer;
        this.onRejected = onRejected;
        addClassName("moderation-reject-dialog");
        setHeaderTitle(getTranslation("moderation.reject.title", offer.title()));
        add(new Paragraph(getTranslation("moderation.reject.explanation", offer.companyName())));
        reason.setLabel(getTranslation("offer.field.rejection-reason"));
        reason.setItems(RejectionReason.values());
        reason.setItemLabelGenerator(r -> r == null ? "" : getTranslation(r.translationKey()));
        reason.setRequiredIndicatorVisible(true);
        text.setLabel(getTranslation("offer.field.rejection-text"));
        text.setHelperText(getTranslation("moderation.reject.text-helper"));
        text.setMaxLength(1000);
        text.setManualValidation(true);
        text.setWidthFull();
        add(reason, text);
        var confirm = new Button(getTranslation("moderation.reject.confirm"), e -> confirm());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
        setWidth("min(36rem, 96vw)");
    }

    private void confirm() {
        reason.setInvalid(false);
        text.setInvalid(false);
        try {
            moderation.reject(offer.offerId(), reason.getValue(), text.getValue());
            close();
            onRejected.run();
        } catch (OfferException e) {
            if (e.field() == null) {
                Notifications.error(OfferDisplay.message(this, e));
                return;
            }
            var field = Objects.equals(e.field(), "reasonCode") ? reason : text;
            field.setErrorMessage(OfferDisplay.message(this, e));
            field.setInvalid(true);
        } catch (AccessDeniedException e) {
            Notifications.error(getTranslation("offer.error.not-allowed"));
        }
    }
}
