package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.cohort.CohortException;
import fr.passerelle.cohort.ParticipantDraft;
import fr.passerelle.cohort.ParticipantService;
import fr.passerelle.cohort.ParticipantSummary;
import fr.passerelle.reference.DepartmentSummary;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Enrols a participant or changes one: the SPIP's pseudonymous code, the expected release month, the department of
 * return, the certification and a short note. Nothing here may identify the person, and the fields say so.
 */
class ParticipantDialog extends Dialog {

    final TextField code = new TextField();
    final TextField releaseMonth = new TextField();
    final ComboBox<DepartmentSummary> department = new ComboBox<>();
    final Checkbox certification = new Checkbox();
    final TextArea note = new TextArea();
    private final FieldErrors<CohortException> errors = new FieldErrors<>(this, CohortException.class, "cohort.error.not-allowed");

    ParticipantDialog(CohortForms forms, long cohortId, @Nullable ParticipantSummary existing, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "cohort.participant.dialog.create" : "cohort.participant.dialog.edit"));
        setWidth("min(34rem, 95vw)");
        code.setLabel(getTranslation("cohort.participant.field.code"));
        code.setHelperText(getTranslation("cohort.participant.field.code.help"));
        code.setRequiredIndicatorVisible(true);
        code.setMaxLength(20);
        releaseMonth.setLabel(getTranslation("cohort.participant.field.release-month"));
        releaseMonth.setPlaceholder("MM/AAAA");
        releaseMonth.setHelperText(getTranslation("cohort.participant.field.release-month.help"));
        List<DepartmentSummary> departments = forms.reference().departments();
        department.setLabel(getTranslation("cohort.participant.field.department"));
        department.setItems(departments);
        department.setItemLabelGenerator(d -> d.code() + " – " + d.name());
        department.setClearButtonVisible(true);
        certification.setLabel(getTranslation("cohort.participant.field.certification"));
        note.setLabel(getTranslation("cohort.participant.field.note"));
        note.setHelperText(getTranslation("cohort.field.no-identifying-content"));
        note.setMaxLength(ParticipantService.NOTE_MAX);
        if (existing != null) {
            code.setValue(existing.code());
            releaseMonth.setValue(CohortDisplay.month(existing.releaseMonth()));
            departments.stream().filter(d -> d.code().equals(existing.returnDepartmentCode())).findFirst().ifPresent(department::setValue);
            certification.setValue(existing.certificationObtained());
            note.setValue(Objects.requireNonNullElse(existing.note(), ""));
        }
        errors.bind("code", code).bind("releaseMonth", releaseMonth).bind("returnDepartmentCode", department).bind("note", note);
        var form = new FormLayout(code, releaseMonth, department, certification, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26rem", 2));
        form.setColspan(note, 2);
        add(form);

        var save = new Button(getTranslation("action.save"), e -> {
            errors.clear();
            YearMonth month;
            try {
                month = releaseMonth.getValue().isBlank() ? null : YearMonth.parse(releaseMonth.getValue().strip(), CohortDisplay.MONTH);
            } catch (DateTimeParseException bad) {
                errors.show(new CohortException("releaseMonth", "cohort.error.month-format"));
                return;
            }
            DepartmentSummary chosen = department.getValue();
            var draft = new ParticipantDraft(code.getValue(), month, chosen == null ? null : chosen.code(), certification.getValue(),
                    note.getValue());
            if (errors.attempt(() -> {
                if (existing == null) {
                    forms.participants().enrol(cohortId, draft);
                } else {
                    forms.participants().update(existing.id(), existing.version(), draft);
                }
            })) {
                close();
                Notifications.success(getTranslation("cohort.participant.saved", draft.code().strip().toUpperCase(java.util.Locale.ROOT)));
                onSaved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
