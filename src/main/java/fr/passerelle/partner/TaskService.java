package fr.passerelle.partner;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.partner.domain.Company;
import fr.passerelle.partner.domain.CompanyRepository;
import fr.passerelle.partner.domain.Task;
import fr.passerelle.partner.domain.TaskRepository;
import fr.passerelle.security.StaffDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follow-up tasks. Everyone sees their own; a task about a company follows that company's scope. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class TaskService {

    private static final String SELECT = """
            select t.id, t.title, t.due_date, t.assignee_id, u.display_name as assignee_name, t.company_id,
                   c.legal_name as company_name, t.done, t.done_at,
                   t.link, t.link_label
            from task t
            join app_user u on u.id = t.assignee_id
            left join company c on c.id = t.company_id
            """;

    private final TaskRepository tasks;
    private final CompanyRepository companies;
    private final PartnerScope scope;
    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    TaskService(TaskRepository tasks, CompanyRepository companies, PartnerScope scope, JdbcClient jdbc, StaffDirectory staff) {
        this.tasks = tasks;
        this.companies = companies;
        this.scope = scope;
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /** "Mes tâches": open ones first, the overdue at the top, then by due date; done ones after. */
    public List<TaskSummary> mine(boolean includeDone, Pageable pageable) {
        return jdbc.sql(SELECT + " where t.assignee_id = :me" + (includeDone ? "" : " and not t.done")
                        + " order by t.done, t.due_date, t.id limit :limit offset :offset")
                .param("me", scope.user().id())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(TaskService::summary).list();
    }

    public long countMine(boolean includeDone) {
        return jdbc.sql("select count(*) from task t where t.assignee_id = :me" + (includeDone ? "" : " and not t.done"))
                .param("me", scope.user().id()).query(Long.class).single();
    }

    /** What the navigation shows beside "Mes tâches". */
    public long countMyOpen() {
        return tasks.countByAssigneeIdAndDoneFalse(scope.user().id());
    }

    public List<TaskSummary> ofCompany(long companyId) {
        return jdbc.sql(SELECT + " where t.company_id = :company order by t.done, t.due_date, t.id")
                .param("company", companyId).query(TaskService::summary).list();
    }

    @Transactional
    public TaskSummary create(TaskDraft draft) {
        String title = draft.title().strip();
        if (title.isEmpty()) {
            throw new PartnerException("title", "partner.error.task-title-required");
        }
        if (draft.companyId() != null) {
            Company company = companies.findById(draft.companyId())
                    .orElseThrow(() -> new PartnerException("company", "partner.error.company-not-found"));
            scope.requireEdit(company.getDispCode());
        }
        long assignee = draft.assigneeId() == null ? scope.user().id() : draft.assigneeId();
        if (assignee != scope.user().id() && !staff.isAssignable(assignee)) {
            throw new PartnerException("assignee", "partner.error.task-assignee-unknown");
        }
        Task task = tasks.saveAndFlush(new Task(title, draft.dueDate(), assignee, draft.companyId(), scope.user().username()));
        return require(task.getId());
    }

    @Transactional
    public TaskSummary complete(long taskId) {
        Task task = editable(taskId);
        task.complete();
        tasks.saveAndFlush(task);
        return require(taskId);
    }

    @Transactional
    public TaskSummary reopen(long taskId) {
        Task task = editable(taskId);
        task.reopen();
        tasks.saveAndFlush(task);
        return require(taskId);
    }

    /** The assignee, or anyone who may edit the company the task is about. */
    private Task editable(long taskId) {
        Task task = tasks.findById(taskId).orElseThrow(() -> new PartnerException(null, "partner.error.task-not-found"));
        if (task.getAssigneeId() == scope.user().id()) {
            return task;
        }
        String disp = task.getCompanyId() == null ? null
                : companies.findById(task.getCompanyId()).map(Company::getDispCode).orElse(null);
        if (disp == null || !scope.canEdit(disp)) {
            throw new AccessDeniedException("Not your task");
        }
        return task;
    }

    private TaskSummary require(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(TaskService::summary).single();
    }

    private static TaskSummary summary(ResultSet rs, int row) throws SQLException {
        long company = rs.getLong("company_id");
        Long companyId = rs.wasNull() ? null : company;
        var due = rs.getDate("due_date").toLocalDate();
        boolean done = rs.getBoolean("done");
        var doneAt = rs.getTimestamp("done_at");
        return new TaskSummary(rs.getLong("id"), rs.getString("title"), due, rs.getLong("assignee_id"),
                rs.getString("assignee_name"), companyId, rs.getString("company_name"), done,
                doneAt == null ? null : doneAt.toInstant(), !done && due.isBefore(DisplayFormats.today()),
                rs.getString("link"), rs.getString("link_label"));
    }
}
