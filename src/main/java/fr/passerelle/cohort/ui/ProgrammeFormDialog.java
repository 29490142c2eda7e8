package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.cohort.CohortException;
import fr.passerelle.cohort.ProgrammeDraft;
import fr.passerelle.cohort.ProgrammeService;
import fr.passerelle.cohort.ProgrammeSummary;
import fr.passerelle.cohort.Sector;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Creates a programme or changes one; the service's refusals show next to their fields. */
class ProgrammeFormDialog extends Dialog {

    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final IntegerField candidates = new IntegerField();
    final IntegerField duration = new IntegerField();
    final MultiSelectComboBox<Sector> sectors = new MultiSelectComboBox<>();
    final Checkbox onePerYear = new Checkbox();
    private final FieldErrors<CohortException> errors = new FieldErrors<>(this, CohortException.class, "cohort.error.not-allowed");

    ProgrammeFormDialog(ProgrammeService programmes, @Nullable ProgrammeSummary existing, Consumer<ProgrammeSummary> onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "cohort.programme.dialog.create" : "cohort.programme.dialog.edit"));
        setWidth("min(40rem, 95vw)");
        title.setLabel(getTranslation("cohort.programme.field.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(120);
        description.setLabel(getTranslation("cohort.programme.field.description"));
        description.setMaxLength(2000);
        candidates.setLabel(getTranslation("cohort.programme.field.candidates"));
        candidates.setMin(1);
        candidates.setMax(100);
        duration.setLabel(getTranslation("cohort.programme.field.duration"));
        duration.setMin(1);
        duration.setMax(260);
        sectors.setLabel(getTranslation("cohort.programme.field.sectors"));
        sectors.setItems(Sector.values());
        sectors.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        onePerYear.setLabel(getTranslation("cohort.programme.field.one-per-year"));
        onePerYear.setHelperText(getTranslation("cohort.programme.field.one-per-year.help"));
        if (existing != null) {
            title.setValue(existing.title());
            description.setValue(Objects.requireNonNullElse(existing.description(), ""));
            candidates.setValue(existing.candidatesPerPromotion());
            duration.setValue(existing.durationWeeks());
            sectors.setValue(existing.sectors());
            onePerYear.setValue(existing.onePromotionPerYear());
        }
        errors.bind("title", title).bind("description", description).bind("candidatesPerPromotion", candidates)
                .bind("durationWeeks", duration).bind("onePromotionPerYear", onePerYear);
        var form = new FormLayout(title, candidates, duration, sectors, onePerYear, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.setColspan(title, 2);
        form.setColspan(sectors, 2);
        form.setColspan(onePerYear, 2);
        form.setColspan(description, 2);
        add(form);

        var save = new Button(getTranslation("action.save"), e -> {
            var draft = new ProgrammeDraft(title.getValue(), description.getValue(), candidates.getValue(), duration.getValue(),
                    sectors.getValue(), onePerYear.getValue());
            var saved = new AtomicReference<ProgrammeSummary>();
            if (errors.attempt(() -> saved.set(existing == null ? programmes.create(draft)
                    : programmes.update(existing.id(), existing.version(), draft)))) {
                close();
                Notifications.success(getTranslation("cohort.programme.saved", saved.get().title()));
                onSaved.accept(saved.get());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
