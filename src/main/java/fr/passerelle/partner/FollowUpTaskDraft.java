package fr.passerelle.partner;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A task another module schedules for one of its records (e.g. a cohort's participant's outcome at release).
 *
 * @param owner     the module's name ({@code cohort}): only that owner changes the task afterwards
 * @param companyId the company the task is about, if any (the task then shows on that company's page too)
 * @param link      a route of the application the task leads to ({@code cohortes/12}), never an address elsewhere
 * @param linkLabel what the link reads (the cohort's title); given exactly when the link is
 */
public record FollowUpTaskDraft(String owner, String title, LocalDate dueDate, long assigneeId, @Nullable Long companyId,
                                @Nullable String link, @Nullable String linkLabel) {
}
