package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.NavigationBadges;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.TaskService;
import fr.passerelle.partner.TaskSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.LongFunction;
import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in person's follow-up tasks: the overdue first, then by due date; ticking one completes it.
 * Done tasks show on request. Each change updates the number beside "Mes tâches" in the navigation.
 */
@StyleSheet("styles/partner-board.css")
@Route(MyTasksView.ROUTE)
@Menu(order = 15, title = "nav.my-tasks", icon = "vaadin:tasks")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME})
class MyTasksView extends Main implements HasDynamicTitle {

    static final String ROUTE = "mes-taches";

    private final TaskService tasks;
    private final Grid<TaskSummary> grid = new Grid<>(TaskSummary.class, false);
    private final Checkbox showDone = new Checkbox();
    private final Span openCount = new Span();
    private final Paragraph emptyText = new Paragraph();

    MyTasksView(TaskService tasks) {
        this.tasks = tasks;
        addClassNames("list-view", "my-tasks-view");
        setSizeFull();

        showDone.setLabel(getTranslation("tasks.show-done"));
        showDone.addValueChangeListener(e -> refresh());
        var create = new Button(getTranslation("tasks.create"), VaadinIcon.PLUS.create(), e -> openNewTaskDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        openCount.addClassName("result-count");
        openCount.getElement().setAttribute("role", "status");
        openCount.getElement().setAttribute("aria-live", "polite");

        configureGrid();
        add(new ViewToolbar(create, showDone), openCount, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addComponentColumn(this::doneBox).setHeader(getTranslation("tasks.column.done")).setKey("done")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TaskSummary::title).setHeader(getTranslation("tasks.column.title")).setKey("title")
                .setFlexGrow(3).setTooltipGenerator(TaskSummary::title);
        grid.addComponentColumn(this::about).setHeader(getTranslation("partner.tasks.column.about")).setKey("company").setFlexGrow(2);
        grid.addComponentColumn(this::due).setHeader(getTranslation("tasks.column.due")).setKey("due").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation("tasks.grid"));
        grid.setPartNameGenerator(task -> task.done() ? "task-done" : task.overdue() ? "task-overdue" : null);
        grid.setEmptyStateComponent(emptyState());
        // The service orders them: open before done, the overdue (earliest due) first.
        grid.setItemsPageable(pageable -> tasks.mine(showDone.getValue(), pageable), pageable -> tasks.countMine(showDone.getValue()));
    }

    private Checkbox doneBox(TaskSummary task) {
        var box = new Checkbox(task.done());
        box.setAriaLabel(getTranslation(task.done() ? "tasks.reopen.label" : "tasks.complete.label", task.title()));
        box.addValueChangeListener(e -> {
            if (Boolean.TRUE.equals(e.getValue()) != task.done()) {
                change(task, e.getValue() ? tasks::complete : tasks::reopen,
                        getTranslation(e.getValue() ? "tasks.completed" : "tasks.reopened", task.title()));
            }
        });
        return box;
    }

    /** The page the task is about: the one its module linked (a cohort), else its company's. */
    private Component about(TaskSummary task) {
        if (task.link() != null && task.linkLabel() != null) {
            return new Anchor(task.link(), task.linkLabel());
        }
        if (task.companyId() == null || task.companyName() == null) {
            return new Span();
        }
        // By address: the company page belongs to another part of the partner screens.
        return new Anchor("entreprises/" + task.companyId(), task.companyName());
    }

    private Component due(TaskSummary task) {
        var date = new Span(DisplayFormats.date(task.dueDate()));
        var cell = new Div(date);
        cell.addClassName("task-due");
        if (task.overdue()) {
            var late = new Badge(getTranslation("tasks.overdue"));
            late.addThemeVariants(BadgeVariant.ERROR, BadgeVariant.SMALL);
            cell.add(late);
        } else if (task.done() && task.doneAt() != null) {
            var done = new Badge(getTranslation("tasks.done-on", DisplayFormats.date(task.doneAt().atZone(DisplayFormats.PARIS).toLocalDate())));
            done.addThemeVariants(BadgeVariant.SUCCESS, BadgeVariant.SMALL);
            cell.add(done);
        }
        return cell;
    }

    private Div emptyState() {
        var create = new Button(getTranslation("tasks.create"), VaadinIcon.PLUS.create(), e -> openNewTaskDialog());
        var empty = new Div(emptyText, create);
        empty.addClassName("empty-state");
        return empty;
    }

    private void change(TaskSummary task, LongFunction<TaskSummary> action, String success) {
        try {
            action.apply(task.id());
            Notifications.success(success);
        } catch (PartnerException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        } catch (AccessDeniedException e) {
            Notifications.error(getTranslation("tasks.error.not-allowed"));
        }
        refresh();
        NavigationBadges.refresh();
    }

    private void openNewTaskDialog() {
        new NewTaskDialog(tasks, created -> {
            refresh();
            NavigationBadges.refresh();
        }).open();
    }

    private void refresh() {
        long open = tasks.countMine(false);
        openCount.setText(getTranslation("tasks.count", open));
        emptyText.setText(getTranslation(showDone.getValue() ? "tasks.empty.all" : "tasks.empty"));
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tasks.title");
    }
}
