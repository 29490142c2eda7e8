package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.ui.component.DateInputs;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.ActivityService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.partner.InteractionDraft;
import fr.passerelle.partner.InteractionKind;
import fr.passerelle.partner.PartnerException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** "Noter une interaction": a call, meeting, visit, e-mail or event with the company, now by default. */
class InteractionForm extends Composite<Section> {

    private final Select<InteractionKind> kind = new Select<>();
    private final DateTimePicker occurredAt;
    private final ComboBox<ContactSummary> contact = new ComboBox<>();
    private final TextArea summary = new TextArea();
    private final FieldErrors<PartnerException> errors = new FieldErrors<>(this, PartnerException.class, "company.error.not-allowed");

    InteractionForm(ActivityService activity, ContactService contacts, long companyId, Runnable onLogged) {
        getContent().addClassName("interaction-form");
        var heading = new H3(getTranslation("company.timeline.log"));

        kind.setLabel(getTranslation("company.timeline.kind"));
        kind.setItems(InteractionKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.translationKey()));
        kind.setValue(InteractionKind.CALL);
        occurredAt = DateInputs.dateTimePicker(getTranslation("company.timeline.occurred-at"));
        contact.setLabel(getTranslation("company.timeline.contact"));
        contact.setItemLabelGenerator(c -> c.jobTitle() == null ? c.fullName() : c.fullName() + " (" + c.jobTitle() + ")");
        contact.setClearButtonVisible(true);
        summary.setLabel(getTranslation("company.timeline.summary"));
        summary.setRequiredIndicatorVisible(true);
        summary.setMaxLength(4000);
        errors.bind("kind", kind).bind("occurredAt", occurredAt).bind("contact", contact).bind("summary", summary);
        // Contacts may have been added in the other tab since.
        addAttachListener(e -> contact.setItems(contacts.ofCompany(companyId)));
        reset();

        var form = new FormLayout(kind, occurredAt, contact, summary);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 3));
        form.setColspan(summary, 3);
        var save = new Button(getTranslation("company.timeline.save"), VaadinIcon.PLUS.create(), e -> {
            if (occurredAt.getValue() == null) {
                occurredAt.setErrorMessage(getTranslation("company.timeline.occurred-at.required"));
                occurredAt.setInvalid(true);
                return;
            }
            var draft = new InteractionDraft(kind.getValue(), occurredAt.getValue(),
                    contact.getValue() == null ? null : contact.getValue().id(), summary.getValue());
            if (errors.attempt(() -> activity.logInteraction(companyId, draft))) {
                Notifications.success(getTranslation("company.timeline.logged"));
                reset();
                onLogged.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(heading, form, save);
    }

    private void reset() {
        occurredAt.setValue(now());
        summary.clear();
        contact.clear();
    }

    /** Paris time, to the microsecond the database keeps, so that what is logged now sorts after what came before. */
    private static LocalDateTime now() {
        return LocalDateTime.now(DisplayFormats.PARIS).truncatedTo(ChronoUnit.MICROS);
    }
}
