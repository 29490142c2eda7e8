package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.DateInputs;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.NavigationBadges;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.TaskDraft;
import fr.passerelle.partner.TaskService;
import fr.passerelle.partner.TaskSummary;
import fr.passerelle.security.StaffDirectory;
import fr.passerelle.security.StaffMember;
import java.util.List;

/** The follow-ups about the company: open ones first, the overdue marked; ticking one completes it. */
class TasksTab extends Div {

    private final TaskService tasks;
    private final CompanyDetails company;
    private final SignedInUser me;
    private final Grid<TaskSummary> grid = new Grid<>(TaskSummary.class, false);
    private final TextField title = new TextField();
    private final DatePicker dueDate;
    private final ComboBox<StaffMember> assignee = new ComboBox<>();
    private final FieldErrors<PartnerException> errors = new FieldErrors<>(this, PartnerException.class, "company.error.not-allowed");

    TasksTab(TaskService tasks, StaffDirectory staff, CompanyDetails company, SignedInUser me) {
        this.tasks = tasks;
        this.company = company;
        this.me = me;
        if (company.editable()) {
            List<StaffMember> people = staff.assignable();
            assignee.setItems(people);
            assignee.setItemLabelGenerator(p -> p.id() == me.id() ? getTranslation("company.tasks.assignee.me", p.displayName())
                    : p.dispCode() == null ? p.displayName() : p.displayName() + " – " + p.dispCode());
            people.stream().filter(p -> p.id() == me.id()).findFirst().ifPresent(assignee::setValue);
        }
        addClassName("company-tab");
        dueDate = DateInputs.datePicker(getTranslation("company.tasks.due-date"));
        if (company.editable()) {
            add(newTaskForm());
        }
        grid.addComponentColumn(this::doneBox).setHeader(getTranslation("company.tasks.done")).setKey("done")
                .setWidth("5rem").setFlexGrow(0);
        grid.addColumn(TaskSummary::title).setHeader(getTranslation("company.tasks.title")).setKey("title").setFlexGrow(3);
        grid.addColumn(t -> t.overdue() ? getTranslation("company.tasks.overdue", DisplayFormats.date(t.dueDate()))
                : DisplayFormats.date(t.dueDate())).setHeader(getTranslation("company.tasks.due-date")).setKey("dueDate").setAutoWidth(true);
        grid.addColumn(t -> t.assigneeName() == null ? "" : t.assigneeName()).setHeader(getTranslation("company.tasks.assignee"))
                .setKey("assignee").setFlexGrow(1);
        grid.setPartNameGenerator(t -> t.done() ? "task-done" : t.overdue() ? "task-overdue" : null);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("company.tasks.empty"));
        grid.setAriaLabel(getTranslation("company.tab.tasks"));
        add(grid);
        addAttachListener(e -> refresh());
    }

    private Component newTaskForm() {
        title.setLabel(getTranslation("company.tasks.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMinWidth("20rem");
        dueDate.setRequiredIndicatorVisible(true);
        dueDate.setValue(DisplayFormats.today().plusWeeks(1));
        assignee.setLabel(getTranslation("company.tasks.assignee"));
        assignee.setHelperText(getTranslation("company.tasks.assignee.help"));
        assignee.setMinWidth("16rem");
        errors.bind("title", title).bind("dueDate", dueDate).bind("assignee", assignee);
        var create = new Button(getTranslation("company.tasks.create"), VaadinIcon.PLUS.create(), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new ViewToolbar(title, dueDate, assignee, create);
    }

    void refresh() {
        grid.setItems(tasks.ofCompany(company.id()));
    }

    private void create() {
        if (dueDate.getValue() == null) {
            dueDate.setErrorMessage(getTranslation("company.tasks.due-date.required"));
            dueDate.setInvalid(true);
            return;
        }
        StaffMember to = assignee.getValue();
        if (errors.attempt(() -> tasks.create(new TaskDraft(title.getValue(), dueDate.getValue(), to == null ? null : to.id(),
                company.id())))) {
            Notifications.success(to == null || to.id() == me.id()
                    ? getTranslation("company.tasks.created", title.getValue().strip())
                    : getTranslation("company.tasks.created-for", title.getValue().strip(), to.displayName()));
            NavigationBadges.refresh();
            title.clear();
            refresh();
        }
    }

    private Component doneBox(TaskSummary task) {
        var box = new Checkbox(task.done());
        box.setAriaLabel(getTranslation(task.done() ? "company.tasks.reopen" : "company.tasks.complete", task.title()));
        // The assignee, or anyone who may edit the company, ticks it off.
        box.setEnabled(company.editable() || task.assigneeId() == me.id());
        box.addValueChangeListener(e -> {
            if (errors.attempt(() -> {
                if (e.getValue()) {
                    tasks.complete(task.id());
                } else {
                    tasks.reopen(task.id());
                }
            })) {
                Notifications.success(getTranslation(e.getValue() ? "company.tasks.completed" : "company.tasks.reopened", task.title()));
                NavigationBadges.refresh();
            }
            refresh();
        });
        return box;
    }
}
