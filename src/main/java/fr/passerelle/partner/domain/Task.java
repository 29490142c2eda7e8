package fr.passerelle.partner.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Something a person has to do by a date, possibly about a company. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private String title = "";

    @Column(nullable = false)
    private LocalDate dueDate = LocalDate.now();

    @Column(nullable = false)
    private long assigneeId;

    private @Nullable Long companyId;

    private boolean done;

    private @Nullable Instant doneAt;

    /** The module that made the task and alone changes it (null: typed by a person). */
    @Column(updatable = false)
    private @Nullable String owner;

    /** A route of the application the task is about, with its label (e.g. a cohort's page). */
    private @Nullable String link;
    private @Nullable String linkLabel;

    @Column(nullable = false, updatable = false)
    private String createdBy = "";

    @Column(nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    protected Task() {
    }

    public Task(String title, LocalDate dueDate, long assigneeId, @Nullable Long companyId, String createdBy) {
        this.title = title;
        this.dueDate = dueDate;
        this.assigneeId = assigneeId;
        this.companyId = companyId;
        this.createdBy = createdBy;
    }

    /** A task a module schedules for one of its records. */
    public static Task owned(String owner, String title, LocalDate dueDate, long assigneeId, @Nullable Long companyId,
                             @Nullable String link, @Nullable String linkLabel, String createdBy) {
        var task = new Task(title, dueDate, assigneeId, companyId, createdBy);
        task.owner = owner;
        task.link = link;
        task.linkLabel = linkLabel;
        return task;
    }

    public @Nullable Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public long getAssigneeId() { return assigneeId; }
    public void setAssigneeId(long assigneeId) { this.assigneeId = assigneeId; }
    public @Nullable Long getCompanyId() { return companyId; }
    public void moveToCompany(@Nullable Long companyId) { this.companyId = companyId; }
    public boolean isDone() { return done; }
    public @Nullable Instant getDoneAt() { return doneAt; }
    public @Nullable String getOwner() { return owner; }
    public @Nullable String getLink() { return link; }
    public @Nullable String getLinkLabel() { return linkLabel; }
    public void setLinkLabel(@Nullable String linkLabel) { this.linkLabel = link == null ? null : linkLabel; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }

    public void complete() {
        done = true;
        doneAt = Instant.now();
    }

    public void reopen() {
        done = false;
        doneAt = null;
    }
}
