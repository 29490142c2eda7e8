package fr.passerelle.partner.ui;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.NavigationBadge;
import fr.passerelle.base.Role;
import fr.passerelle.partner.TaskService;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The signed-in person's open tasks, beside "Mes tâches" in the navigation (only for those who have tasks). */
@Component
class OpenTasksBadge implements NavigationBadge {

    private final TaskService tasks;
    private final CurrentUser currentUser;

    OpenTasksBadge(TaskService tasks, CurrentUser currentUser) {
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    @Override
    public String path() {
        return MyTasksView.ROUTE;
    }

    @Override
    public OptionalLong count() {
        boolean hasTasks = currentUser.find().map(user -> user.role() == Role.ADMIN || user.role() == Role.REFERENT).orElse(false);
        return hasTasks ? OptionalLong.of(tasks.countMyOpen()) : OptionalLong.empty();
    }

    @Override
    public String descriptionKey() {
        return "tasks.nav-badge";
    }
}
