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
