package fr.passerelle.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.ui.component.DateInputs;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.EngagementDraft;
import fr.passerelle.partner.EngagementService;
import fr.passerelle.partner.EngagementStatus;
import fr.passerelle.partner.EngagementSummary.EstablishmentRef;
import fr.passerelle.partner.EngagementSummary;
import fr.passerelle.partner.EngagementType;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.ReferenceService;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Records what a company does with the network, or changes it. Establishments are searched in the
 * company's DISP first; unticking the box searches them all.
 */
class EngagementDialog extends Dialog {

    private final ReferenceService reference;
    private final CompanyDetails company;
    private final Select<EngagementType> type = new Select<>();
    private final Select<EngagementStatus> status = new Select<>();
    private final MultiSelectComboBox<EstablishmentRef> establishments = new MultiSelectComboBox<>();
    private final Checkbox ownDispOnly = new Checkbox();
    private final DatePicker startDate;
    private final DatePicker endDate;
    private final IntegerField headcount = new IntegerField();
    private final TextField volume = new TextField();
    private final TextArea notes = new TextArea();
    private final FieldErrors<PartnerException> errors = new FieldErrors<>(this, PartnerException.class, "company.error.not-allowed");

    EngagementDialog(EngagementService engagements, ReferenceService reference, CompanyDetails company,
                     @Nullable EngagementSummary existing, Runnable onSaved) {
        this.reference = reference;
        this.company = company;
        setHeaderTitle(getTranslation(existing == null ? "company.engagements.add" : "company.engagements.edit"));
        setWidth("min(44rem, 95vw)");

        type.setLabel(getTranslation("partner.field.engagement-type"));
        type.setItems(EngagementType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.translationKey()));
        type.setValue(EngagementType.WORKSHOP);
        status.setLabel(getTranslation("partner.field.engagement-status"));
        status.setItems(EngagementStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        status.setValue(EngagementStatus.PLANNED);
        configureEstablishments();
        startDate = DateInputs.datePicker(getTranslation("partner.field.start-date"));
        endDate = DateInputs.datePicker(getTranslation("partner.field.end-date"));
        headcount.setLabel(getTranslation("partner.field.headcount"));
        headcount.setMin(0);
        headcount.setStepButtonsVisible(true);
        volume.setLabel(getTranslation("partner.field.volume"));
        volume.setHelperText(getTranslation("company.engagements.volume.help"));
        notes.setLabel(getTranslation("partner.field.notes"));
        notes.setMaxLength(4000);
        if (existing != null) {
            type.setValue(existing.type());
            status.setValue(existing.status());
            establishments.setValue(existing.establishments());
            startDate.setValue(existing.startDate());
            endDate.setValue(existing.endDate());
            headcount.setValue(existing.headcount());
            volume.setValue(existing.volume() == null ? "" : existing.volume());
            notes.setValue(existing.notes() == null ? "" : existing.notes());
        }
        errors.bind("type", type).bind("status", status).bind("establishments", establishments).bind("startDate", startDate)
                .bind("endDate", endDate).bind("headcount", headcount).bind("volume", volume).bind("notes", notes);

        var form = new FormLayout(type, status, establishments, ownDispOnly, startDate, endDate, headcount, volume, notes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(establishments, 2);
        form.setColspan(ownDispOnly, 2);
        form.setColspan(notes, 2);
        add(form);

        var save = new Button(getTranslation("action.save"), e -> {
            var draft = new EngagementDraft(type.getValue(), status.getValue(),
                    establishments.getValue().stream().map(EstablishmentRef::id).collect(Collectors.toSet()),
                    startDate.getValue(), endDate.getValue(), headcount.getValue(), volume.getValue(), notes.getValue());
            if (errors.attempt(() -> {
                if (existing == null) {
                    engagements.add(company.id(), draft);
                } else {
                    engagements.update(existing.id(), existing.version(), draft);
                }
            })) {
                close();
                Notifications.success(getTranslation("company.engagements.saved", getTranslation(draft.type().translationKey())));
                onSaved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        type.focus();
    }

    private void configureEstablishments() {
        establishments.setLabel(getTranslation("partner.field.establishments"));
        establishments.setHelperText(getTranslation("company.engagements.establishments.help"));
        establishments.setItemLabelGenerator(EstablishmentRef::name);
        establishments.setItemsPageable(
                (pageable, text) -> reference.establishments(filter(text), pageable).stream()
                        .map(e -> new EstablishmentRef(e.id(), e.name())).toList(),
                (pageable, text) -> reference.countEstablishments(filter(text)))
                .setIdentifierProvider(EstablishmentRef::id);
        ownDispOnly.setLabel(getTranslation("company.engagements.own-disp-only", company.dispCode()));
        ownDispOnly.setValue(true);
        ownDispOnly.addValueChangeListener(e -> establishments.getDataProvider().refreshAll());
    }

    private EstablishmentFilter filter(@Nullable String text) {
        return new EstablishmentFilter(ownDispOnly.getValue() ? company.dispCode() : null, null, null, text == null ? "" : text);
    }
}
