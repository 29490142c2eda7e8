package fr.passerelle.partner;

import fr.passerelle.partner.domain.Task;
import fr.passerelle.partner.domain.TaskRepository;
import fr.passerelle.security.StaffDirectory;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks other modules schedule, move and close for their own records, within an operation of a staff member they
 * have already checked (a referent recording a participant's outcome): no screen calls it. Each task names its owner
 * and only that owner changes it here; the assignee still ticks it in "Mes tâches". The link is a route of the
 * application, shown beside the task, so that partner does not know the owner's pages.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class FollowUpTasks {

    private static final Pattern OWNER = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern ROUTE = Pattern.compile("[a-z0-9-]+(/[A-Za-z0-9-]+)*");
    private static final int LABEL_MAX = 200;

    private final TaskRepository tasks;
    private final StaffDirectory staff;
    private final PartnerScope scope;

    FollowUpTasks(TaskRepository tasks, StaffDirectory staff, PartnerScope scope) {
        this.tasks = tasks;
        this.staff = staff;
        this.scope = scope;
    }

    /** Creates the task, open; returns its id. */
    public long create(FollowUpTaskDraft draft) {
        if (!OWNER.matcher(draft.owner()).matches()) {
            throw new IllegalArgumentException("Not a module name: " + draft.owner());
        }
        if ((draft.link() == null) != (draft.linkLabel() == null) || draft.link() != null && !ROUTE.matcher(draft.link()).matches()) {
            throw new IllegalArgumentException("A link is a route of the application, with its label: " + draft.link());
        }
        Task task = Task.owned(draft.owner(), title(draft.title()), draft.dueDate(), assignee(draft.assigneeId()), draft.companyId(),
                draft.link(), label(draft.linkLabel()), scope.user().username());
        return Objects.requireNonNull(tasks.saveAndFlush(task).getId());
    }

    /** Renames, moves and reassigns an open task (a done one keeps who did it and when it was due). */
    public void update(String owner, long taskId, String title, LocalDate dueDate, long assigneeId, @Nullable String linkLabel) {
        Task task = owned(owner, taskId);
        if (task.isDone()) {
            return;
        }
        task.setTitle(title(title));
        task.setDueDate(dueDate);
        if (task.getAssigneeId() != assigneeId) {
            task.setAssigneeId(assignee(assigneeId));
        }
        task.setLinkLabel(label(linkLabel));
        tasks.saveAndFlush(task);
    }

    public void complete(String owner, long taskId) {
        Task task = owned(owner, taskId);
        if (!task.isDone()) {
            task.complete();
            tasks.saveAndFlush(task);
        }
    }

    public void reopen(String owner, long taskId) {
        Task task = owned(owner, taskId);
        if (task.isDone()) {
            task.reopen();
            tasks.saveAndFlush(task);
        }
    }

    /** Removes an open task that has no reason to be any more; a done one stays as a trace of the work. */
    public void removeIfOpen(String owner, long taskId) {
        Task task = owned(owner, taskId);
        if (!task.isDone()) {
            tasks.delete(task);
            tasks.flush();
        }
    }

    private Task owned(String owner, long taskId) {
        return tasks.findById(taskId).filter(task -> owner.equals(task.getOwner()))
                .orElseThrow(() -> new PartnerException(null, "partner.error.task-not-found"));
    }

    private long assignee(long assigneeId) {
        if (!staff.isAssignable(assigneeId)) {
            throw new PartnerException("assignee", "partner.error.task-assignee-unknown");
        }
        return assigneeId;
    }

    private static String title(String title) {
        String stripped = title.strip();
        if (stripped.isEmpty()) {
            throw new PartnerException("title", "partner.error.task-title-required");
        }
        return stripped;
    }

    private static @Nullable String label(@Nullable String label) {
        return label == null ? null : label.length() <= LABEL_MAX ? label : label.substring(0, LABEL_MAX - 1) + "…";
    }
}
