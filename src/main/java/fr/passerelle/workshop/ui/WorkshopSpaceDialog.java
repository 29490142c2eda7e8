package fr.passerelle.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffMember;
import fr.passerelle.workshop.ActivityCategory;
import fr.passerelle.workshop.Availability;
import fr.passerelle.workshop.WorkshopException;
import fr.passerelle.workshop.WorkshopService;
import fr.passerelle.workshop.WorkshopSpaceDraft;
import fr.passerelle.workshop.WorkshopSpaceSummary;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records a workshop space or changes one. The establishment is picked among those of the DISP chosen
 * first (a referent's own DISP only), and so is the referent to contact; the service's refusals show
 * next to their fields. An existing space can be deleted from here, after a confirmation.
 */
class WorkshopSpaceDialog extends Dialog {

    private final ReferenceService reference;
    private final List<StaffMember> referents;
    private final ComboBox<DispSummary> disp = new ComboBox<>();
    private final ComboBox<EstablishmentChoice> establishment = new ComboBox<>();
    private final TextField label = new TextField();
    private final IntegerField area = new IntegerField();
    private final IntegerField storage = new IntegerField();
    private final Checkbox loadingDock = new Checkbox();
    private final Select<ActivityCategory> category = new Select<>();
    private final TextField currentActivity = new TextField();
    private final Select<Availability> availability = new Select<>();
    private final DatePicker availableFrom = new DatePicker();
    private final ComboBox<StaffMember> referent = new ComboBox<>();
    private final TextArea notes = new TextArea();
    private final Checkbox publicListing = new Checkbox();
    private final FieldErrors<WorkshopException> errors = new FieldErrors<>(this, WorkshopException.class, "workshop.error.not-allowed");

    WorkshopSpaceDialog(WorkshopService workshops, ReferenceService reference, List<StaffMember> referents,
                        List<DispSummary> disps, @Nullable WorkshopSpaceSummary existing, @Nullable String dispCode, Runnable onSaved) {
        this.reference = reference;
        this.referents = referents;
        setHeaderTitle(getTranslation(existing == null ? "workshop.dialog.create" : "workshop.dialog.edit"));
        setWidth("min(46rem, 95vw)");
        configureFields(disps);

        String initialDisp = existing != null ? existing.dispCode() : dispCode;
        disp.setValue(disps.stream().filter(d -> d.code().equals(initialDisp)).findFirst()
                .orElse(disps.size() == 1 ? disps.getFirst() : null));
        if (existing != null) {
            show(existing);
        }
        errors.bind("establishmentId", establishment).bind("label", label).bind("areaM2", area).bind("storageM2", storage)
                .bind("currentActivity", currentActivity).bind("activityCategory", category).bind("availability", availability)
                .bind("availableFrom", availableFrom).bind("referentId", referent).bind("notes", notes);

        var form = new FormLayout(disp, establishment, label, category, currentActivity, area, storage, loadingDock, availability,
                availableFrom, referent, publicListing, notes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(establishment, 2);
        form.setColspan(label, 2);
        form.setColspan(notes, 2);
        add(form);

        var save = new Button(getTranslation("action.save"), e -> {
            WorkshopSpaceDraft draft = draft();
            if (errors.attempt(() -> {
                if (existing == null) {
                    workshops.create(draft);
                } else {
                    workshops.update(existing.id(), existing.version(), draft);
                }
            })) {
                close();
                Notifications.success(getTranslation("workshop.saved", draft.label().strip()));
                onSaved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        if (existing != null) {
            var delete = new Button(getTranslation("workshop.action.delete"), e -> confirmDelete(workshops, existing, onSaved));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.getStyle().set("margin-inline-end", "auto");
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
    }

    private void configureFields(List<DispSummary> disps) {
        disp.setLabel(getTranslation("workshop.field.disp"));
        disp.setItems(disps);
        disp.setItemLabelGenerator(DispSummary::code);
        disp.setReadOnly(disps.size() == 1);
        disp.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getOldValue() != null) {
                establishment.clear();
                referent.clear();
            }
            establishment.getDataProvider().refreshAll();
            referent.setItems(referentsOf(e.getValue()));
        });
        establishment.setLabel(getTranslation("workshop.field.establishment"));
        establishment.setRequiredIndicatorVisible(true);
        establishment.setItemLabelGenerator(EstablishmentChoice::name);
        establishment.setItemsPageable(
                (pageable, text) -> reference.establishments(filter(text), pageable).stream()
                        .map(e -> new EstablishmentChoice(e.id(), e.name(), e.dispCode())).toList(),
                (pageable, text) -> reference.countEstablishments(filter(text)))
                .setIdentifierProvider(EstablishmentChoice::id);
        label.setLabel(getTranslation("workshop.field.label"));
        label.setHelperText(getTranslation("workshop.field.label.help"));
        label.setRequiredIndicatorVisible(true);
        label.setMaxLength(120);
        area.setLabel(getTranslation("workshop.field.area"));
        area.setRequiredIndicatorVisible(true);
        area.setMin(1);
        area.setMax(100_000);
        storage.setLabel(getTranslation("workshop.field.storage"));
        storage.setMin(0);
        storage.setMax(100_000);
        loadingDock.setLabel(getTranslation("workshop.field.loading-dock"));
        category.setLabel(getTranslation("workshop.field.category"));
        category.setItems(ActivityCategory.values());
        category.setItemLabelGenerator(c -> getTranslation(c.translationKey()));
        category.setValue(ActivityCategory.OTHER);
        currentActivity.setLabel(getTranslation("workshop.field.current-activity"));
        currentActivity.setHelperText(getTranslation("workshop.field.current-activity.help"));
        currentActivity.setMaxLength(200);
        availability.setLabel(getTranslation("workshop.field.availability"));
        availability.setItems(Availability.values());
        availability.setItemLabelGenerator(a -> getTranslation(a.translationKey()));
        availability.setValue(Availability.AVAILABLE);
        availability.addValueChangeListener(e -> availableFrom.setVisible(e.getValue() == Availability.AVAILABLE_FROM));
        availableFrom.setLabel(getTranslation("workshop.field.available-from"));
        availableFrom.setI18n(new DatePicker.DatePickerI18n().setDateFormat("dd/MM/yyyy").setFirstDayOfWeek(1));
        availableFrom.setVisible(false);
        referent.setLabel(getTranslation("workshop.field.referent"));
        referent.setItemLabelGenerator(StaffMember::displayName);
        referent.setPlaceholder(getTranslation("workshop.field.referent.none"));
        referent.setClearButtonVisible(true);
        notes.setLabel(getTranslation("workshop.field.notes"));
        notes.setHelperText(getTranslation("workshop.field.notes.help"));
        notes.setMaxLength(1000);
        publicListing.setLabel(getTranslation("workshop.field.public"));
    }

    private void show(WorkshopSpaceSummary space) {
        establishment.setValue(new EstablishmentChoice(space.establishmentId(), space.establishmentName(), space.dispCode()));
        label.setValue(space.label());
        area.setValue(space.areaM2());
        storage.setValue(space.storageM2());
        loadingDock.setValue(space.loadingDock());
        category.setValue(space.activityCategory());
        currentActivity.setValue(Objects.requireNonNullElse(space.currentActivity(), ""));
        availability.setValue(space.availability());
        availableFrom.setValue(space.availableFrom());
        referent.setValue(referents.stream().filter(r -> Objects.equals(r.id(), space.referentId())).findFirst().orElse(null));
        notes.setValue(Objects.requireNonNullElse(space.notes(), ""));
        publicListing.setValue(space.publicListing());
    }

    private WorkshopSpaceDraft draft() {
        EstablishmentChoice chosen = establishment.getValue();
        StaffMember contact = referent.getValue();
        return new WorkshopSpaceDraft(chosen == null ? null : chosen.id(), label.getValue(), area.getValue(), storage.getValue(),
                loadingDock.getValue(), currentActivity.getValue(), category.getValue(), availability.getValue(),
                availableFrom.getValue(), contact == null ? null : contact.id(), notes.getValue(), publicListing.getValue());
    }

    private List<StaffMember> referentsOf(@Nullable DispSummary chosen) {
        return chosen == null ? List.of() : referents.stream().filter(r -> chosen.code().equals(r.dispCode())).toList();
    }

    private EstablishmentFilter filter(@Nullable String text) {
        DispSummary chosen = disp.getValue();
        return new EstablishmentFilter(chosen == null ? null : chosen.code(), null, null, text == null ? "" : text);
    }

    private void confirmDelete(WorkshopService workshops, WorkshopSpaceSummary space, Runnable onDeleted) {
        Confirmation.ask(getTranslation("workshop.delete.title"), getTranslation("workshop.delete.text", space.label()),
                getTranslation("workshop.action.delete"), () -> {
                    if (errors.attempt(() -> workshops.delete(space.id()))) {
                        close();
                        Notifications.success(getTranslation("workshop.deleted", space.label()));
                        onDeleted.run();
                    }
                });
    }
}
