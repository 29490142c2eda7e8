package fr.passerelle.partner;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One task as lists show it.
 *
 * @param link      a route of the application the task is about (a module's page), with its label; null for a typed task
 */
public record TaskSummary(long id, String title, LocalDate dueDate, long assigneeId, @Nullable String assigneeName,
                          @Nullable Long companyId, @Nullable String companyName, boolean done, @Nullable Instant doneAt,
                          boolean overdue, @Nullable String link, @Nullable String linkLabel) {
}
