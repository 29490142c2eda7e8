package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.cohort.CohortException;
import fr.passerelle.cohort.LinkedOffer;
import fr.passerelle.cohort.Outcome;
import fr.passerelle.cohort.OutcomeDraft;
import fr.passerelle.cohort.OutcomeMoment;
import fr.passerelle.cohort.ParticipantSummary;
import fr.passerelle.offer.ContractType;
import java.util.List;
import java.util.Objects;

/**
 * Records a participant's outcome at one moment (release, or six months later): employed (with its contract and,
 * when hired through one, the linked offer), in training, job seeking or unknown.
 */
class OutcomeDialog extends Dialog {

    final Select<OutcomeMoment> moment = new Select<>();
    final Select<Outcome> outcome = new Select<>();
    final Select<ContractType> contract = new Select<>();
    final Select<LinkedOffer> offer = new Select<>();
    private final FieldErrors<CohortException> errors = new FieldErrors<>(this, CohortException.class, "cohort.error.not-allowed");

    OutcomeDialog(CohortForms forms, long cohortId, ParticipantSummary participant, Runnable onSaved) {
        setHeaderTitle(getTranslation("cohort.outcome.dialog", participant.code()));
        setWidth("min(34rem, 95vw)");
        List<LinkedOffer> linked = forms.cohortOffers().linkedOffers(cohortId);
        moment.setLabel(getTranslation("cohort.outcome.field.moment"));
        moment.setItems(OutcomeMoment.values());
        moment.setItemLabelGenerator(m -> getTranslation(m.translationKey()));
        outcome.setLabel(getTranslation("cohort.outcome.field.outcome"));
        outcome.setItems(Outcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption(getTranslation("cohort.outcome.none"));
        outcome.setItemLabelGenerator(o -> o == null ? getTranslation("cohort.outcome.none") : getTranslation(o.translationKey()));
        contract.setLabel(getTranslation("cohort.outcome.field.contract"));
        contract.setItems(ContractType.values());
        contract.setItemLabelGenerator(c -> c == null ? "" : getTranslation(c.translationKey()));
        offer.setLabel(getTranslation("cohort.outcome.field.offer"));
        offer.setHelperText(getTranslation("cohort.outcome.field.offer.help"));
        offer.setItems(linked);
        offer.setEmptySelectionAllowed(true);
        offer.setEmptySelectionCaption(getTranslation("cohort.outcome.no-offer"));
        offer.setItemLabelGenerator(o -> o == null ? getTranslation("cohort.outcome.no-offer") : o.title() + " — " + o.companyName());
        outcome.addValueChangeListener(e -> {
            boolean employed = e.getValue() == Outcome.EMPLOYED;
            contract.setVisible(employed);
            offer.setVisible(employed);
        });
        moment.addValueChangeListener(e -> show(participant.situation(e.getValue()), linked));
        moment.setValue(participant.atRelease().outcome() != null ? OutcomeMoment.AFTER_SIX_MONTHS : OutcomeMoment.AT_RELEASE);
        errors.bind("contractType", contract).bind("offerId", offer);
        add(new H3(getTranslation("cohort.participant.field.code") + " : " + participant.code()),
                new FormLayout(moment, outcome, contract, offer));

        var save = new Button(getTranslation("action.save"), e -> {
            var draft = new OutcomeDraft(outcome.getValue(), contract.getValue(), offer.getValue() == null ? null : offer.getValue().offerId());
            if (errors.attempt(() -> forms.participants().recordOutcome(participant.id(), moment.getValue(), draft))) {
                close();
                Notifications.success(getTranslation("cohort.outcome.saved", participant.code()));
                onSaved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void show(ParticipantSummary.Situation situation, List<LinkedOffer> linked) {
        outcome.setValue(situation.outcome());
        contract.setValue(situation.contractType());
        offer.setValue(linked.stream().filter(o -> Objects.equals(o.offerId(), situation.offerId())).findFirst().orElse(null));
        boolean employed = situation.outcome() == Outcome.EMPLOYED;
        contract.setVisible(employed);
        offer.setVisible(employed);
    }
}
