package fr.passerelle.partner;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A follow-up to do by a date; the assignee defaults to the person creating it. */
public record TaskDraft(String title, LocalDate dueDate, @Nullable Long assigneeId, @Nullable Long companyId) {
}
