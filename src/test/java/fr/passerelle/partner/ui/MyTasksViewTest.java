package fr.passerelle.partner.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.partner.ui.PartnerUiFixtures.company;
import static fr.passerelle.partner.ui.PartnerUiFixtures.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.TaskDraft;
import fr.passerelle.partner.TaskService;
import fr.passerelle.partner.TaskSummary;
import fr.passerelle.security.UserAccountService;
import fr.passerelle.security.UserDraft;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MyTasksViewTest extends KaribuTest {

    @Autowired
    TaskService tasks;

    @Autowired
    CompanyService companies;

    @Autowired
    UserAccountService accounts;

    @Test
    void theOverdueTaskComesFirstAndCompletingItRemovesItAndLowersTheNavigationCount() {
        signIn("referent");
        String word = uniqueWord();
        var company = company(companies, "Plomberie " + word, "21", null);
        TaskSummary later = tasks.create(new TaskDraft("Envoyer la plaquette " + word, DisplayFormats.today().plusDays(10), null, null));
        TaskSummary overdue = tasks.create(new TaskDraft("Rappeler le gérant " + word, DisplayFormats.today().minusDays(3), null, company.id()));
        UI.getCurrent().navigate(MyTasksView.class);

        List<TaskSummary> rows = rows();
        assertThat(rows.getFirst().overdue()).as("an overdue task heads the list").isTrue();
        assertThat(rows).extracting(TaskSummary::overdue).as("every overdue task before the others")
                .isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
        int overdueRow = rowOf(overdue);
        assertThat(overdueRow).isLessThan(rowOf(later));
        String due = text(GridKt._getCellComponent(grid(), overdueRow, "due"));
        assertThat(due).contains(DisplayFormats.DATE.format(overdue.dueDate())).contains("En retard");
        assertThat(text(GridKt._getCellComponent(grid(), rowOf(later), "due"))).doesNotContain("En retard");
        Anchor link = (Anchor) GridKt._getCellComponent(grid(), overdueRow, "company");
        assertThat(link.getHref()).isEqualTo("entreprises/" + company.id());
        assertThat(link.getText()).isEqualTo("Plomberie " + word);

        long open = tasks.countMyOpen();
        assertThat(navigationBadge("Mes tâches")).hasValue(String.valueOf(open));
        Checkbox done = (Checkbox) GridKt._getCellComponent(grid(), overdueRow, "done");
        assertThat(done.getAriaLabel()).hasValue("Marquer « Rappeler le gérant " + word + " » comme terminée");
        done.setValue(true);

        assertThat(rows()).extracting(TaskSummary::id).doesNotContain(overdue.id()).contains(later.id());
        NotificationsKt.expectNotifications("Tâche « Rappeler le gérant " + word + " » terminée");
        assertThat(navigationBadge("Mes tâches")).hasValue(String.valueOf(open - 1));
        assertThat(tasks.countMyOpen()).isEqualTo(open - 1);
    }

    @Test
    void theToggleShowsDoneTasksWhichCanBeReopened() {
        signIn("referent");
        String title = "Relire la convention " + uniqueWord();
        TaskSummary task = tasks.create(new TaskDraft(title, DisplayFormats.today(), null, null));
        tasks.complete(task.id());
        UI.getCurrent().navigate(MyTasksView.class);
        assertThat(rows()).extracting(TaskSummary::id).doesNotContain(task.id());

        _get(Checkbox.class, spec -> spec.withLabel("Afficher les tâches terminées")).setValue(true);
        int row = rowOf(task);
        assertThat(rows().get(row).done()).isTrue();
        assertThat(text(GridKt._getCellComponent(grid(), row, "due"))).contains("Terminée le " + DisplayFormats.date(DisplayFormats.today()));
        long open = tasks.countMyOpen();

        Checkbox done = (Checkbox) GridKt._getCellComponent(grid(), row, "done");
        assertThat(done.getValue()).isTrue();
        assertThat(done.getAriaLabel()).hasValue("Rouvrir « " + title + " »");
        done.setValue(false);

        assertThat(tasks.countMyOpen()).isEqualTo(open + 1);
        assertThat(rows().get(rowOf(task)).done()).isFalse();
        assertThat(navigationBadge("Mes tâches")).hasValue(String.valueOf(open + 1));
        NotificationsKt.expectNotifications("Tâche « " + title + " » rouverte");
    }

    @Test
    void aNewTaskIsCreatedFromTheDialogWithErrorsNextToTheFields() {
        signIn("referent");
        UI.getCurrent().navigate(MyTasksView.class);
        long open = tasks.countMyOpen();
        _click(_find(Button.class, spec -> spec.withText("Nouvelle tâche")).getFirst());
        NewTaskDialog dialog = _get(NewTaskDialog.class);
        TextField title = _get(dialog, TextField.class, spec -> spec.withLabel("Intitulé"));
        DatePicker due = _get(dialog, DatePicker.class, spec -> spec.withLabel("Échéance"));
        Button create = _get(dialog, Button.class, spec -> spec.withText("Créer la tâche"));

        due.setValue(null);
        _click(create);
        assertThat(due.isInvalid()).isTrue();
        assertThat(due.getErrorMessage()).isEqualTo("Indiquez l’échéance, au format jj/mm/aaaa.");

        LocalDate date = DisplayFormats.today().plusDays(5);
        due.setValue(date);
        _click(create);
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("L’intitulé de la tâche est obligatoire.");
        assertThat(due.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();

        String text = "Préparer le job dating " + uniqueWord();
        title.setValue(text);
        _click(create);

        assertThat(dialog.isOpened()).isFalse();
        NotificationsKt.expectNotifications("Tâche « " + text + " » créée, à faire pour le " + DisplayFormats.DATE.format(date));
        assertThat(rows()).extracting(TaskSummary::title).contains(text);
        assertThat(tasks.countMyOpen()).isEqualTo(open + 1);
        assertThat(navigationBadge("Mes tâches")).hasValue(String.valueOf(open + 1));
    }

    @Test
    void theDuePickerSpeaksFrenchAndWeeksStartOnMonday() {
        signIn("referent");
        UI.getCurrent().navigate(MyTasksView.class);
        _click(_find(Button.class, spec -> spec.withText("Nouvelle tâche")).getFirst());

        DatePicker.DatePickerI18n i18n = _get(_get(NewTaskDialog.class), DatePicker.class).getI18n();
        assertThat(i18n.getDateFormats()).containsExactly("dd/MM/yyyy");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getMonthNames()).startsWith("janvier", "février").endsWith("décembre");
        assertThat(i18n.getWeekdays()).startsWith("dimanche", "lundi");
        assertThat(i18n.getToday()).isEqualTo("Aujourd’hui");
    }

    @Test
    void someoneWithoutTasksIsToldWhatToDo() {
        signIn("admin");
        String username = "ref-" + uniqueWord().toLowerCase();
        accounts.create(new UserDraft(username, "Référente sans tâche", null, Role.REFERENT, "DISP LYON"));
        signIn(username);
        UI.getCurrent().navigate(MyTasksView.class);

        assertThat(GridKt._size(grid())).isZero();
        assertThat(text(grid().getEmptyStateComponent())).startsWith("Aucune tâche en cours.");
        assertThat(_get(view(), com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("result-count")).getText())
                .isEqualTo("Aucune tâche en cours");
        assertThat(navigationBadge("Mes tâches")).as("no badge for zero").isEmpty();
    }

    @Test
    void theCommunicationTeamHasNoTasks() {
        signIn("communication");
        assertAccessDenied(MyTasksView.class);

        UI.getCurrent().navigate("etablissements");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Établissements").doesNotContain("Mes tâches");
    }

    @Test
    void theNavigationShowsTheReferentsOpenTasksOnEveryPage() {
        signIn("referent");
        tasks.create(new TaskDraft("Préparer la visite " + uniqueWord(), DisplayFormats.today().plusDays(2), null, null));
        long open = tasks.countMyOpen();
        UI.getCurrent().navigate("etablissements");

        SideNavItem item = _find(SideNavItem.class).stream().filter(i -> "Mes tâches".equals(i.getLabel())).findFirst().orElseThrow();
        Badge badge = (Badge) item.getSuffixComponent();
        assertThat(badge.getText()).isEqualTo(String.valueOf(open));
        assertThat(badge.getElement().getAttribute("aria-label")).isEqualTo(open == 1 ? "1 tâche en cours" : open + " tâches en cours");
    }

    private static MyTasksView view() {
        return _get(MyTasksView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<TaskSummary> grid() {
        return _get(view(), Grid.class);
    }

    private static List<TaskSummary> rows() {
        return GridKt._findAll(grid());
    }

    private static int rowOf(TaskSummary task) {
        int row = rows().stream().map(TaskSummary::id).toList().indexOf(task.id());
        assertThat(row).as("row of task " + task.title()).isNotNegative();
        return row;
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private static Optional<String> navigationBadge(String label) {
        return _find(SideNavItem.class).stream().filter(item -> label.equals(item.getLabel())).findFirst()
                .map(SideNavItem::getSuffixComponent)
                .map(badge -> ((Badge) badge).getText());
    }
}
