package fr.passerelle.partner.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.TaskDraft;
import fr.passerelle.partner.TaskService;
import fr.passerelle.partner.TaskSummary;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** A task for oneself, not about a company (those are created from the company's page); errors next to the field. */
class NewTaskDialog extends Dialog {

    private final TaskService tasks;
    private final Consumer<TaskSummary> onCreated;
    private final TextField title = new TextField();
    private final DatePicker dueDate = new DatePicker();

    NewTaskDialog(TaskService tasks, Consumer<TaskSummary> onCreated) {
        this.tasks = tasks;
        this.onCreated = onCreated;
        setHeaderTitle(getTranslation("tasks.dialog.title"));
        setWidth("min(32rem, 95vw)");

        title.setLabel(getTranslation("tasks.field.title"));
        title.setPlaceholder(getTranslation("tasks.field.title.placeholder"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(200);
        dueDate.setLabel(getTranslation("tasks.field.due"));
        dueDate.setHelperText(getTranslation("tasks.field.due.help"));
        dueDate.setRequiredIndicatorVisible(true);
        dueDate.setLocale(getLocale());
        dueDate.setI18n(datePickerTexts());
        // Checked on save like the title, so that both show their errors the same way.
        dueDate.setManualValidation(true);
        dueDate.setValue(DisplayFormats.today().plusWeeks(1));

        var form = new FormLayout(title, dueDate);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        var save = new Button(getTranslation("tasks.dialog.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
        title.focus();
    }

    private void save() {
        fields().values().forEach(field -> field.setInvalid(false));
        LocalDate due = dueDate.getValue();
        if (due == null) {
            // Empty, or typed text that is not a date: the picker then has no value either.
            showError("dueDate", "tasks.error.due-required");
            return;
        }
        try {
            TaskSummary created = tasks.create(new TaskDraft(title.getValue(), due, null, null));
            close();
            Notifications.success(getTranslation("tasks.created", created.title(), DisplayFormats.date(created.dueDate())));
            onCreated.accept(created);
        } catch (PartnerException e) {
            if (fields().containsKey(e.field())) {
                showError(e.field(), e.messageKey(), e.arguments());
            } else {
                Notifications.error(getTranslation(e.messageKey(), e.arguments()));
            }
        }
    }

    private void showError(String field, String messageKey, Object... arguments) {
        HasValidation target = fields().get(field);
        target.setErrorMessage(getTranslation(messageKey, arguments));
        target.setInvalid(true);
    }

    private Map<String, HasValidation> fields() {
        return Map.of("title", title, "dueDate", dueDate);
    }

    /** Day/month/year, names in the person's language, weeks from Monday (French usage whatever the language). */
    private DatePicker.DatePickerI18n datePickerTexts() {
        Locale locale = getLocale();
        List<String> months = Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList();
        // The picker's lists start on Sunday.
        List<DayOfWeek> fromSunday = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        var i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("dd/MM/yyyy");
        i18n.setMonthNames(months);
        i18n.setWeekdays(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList());
        i18n.setWeekdaysShort(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale)).toList());
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(getTranslation("tasks.date-picker.today"));
        i18n.setCancel(getTranslation("tasks.date-picker.cancel"));
        return i18n;
    }
}
