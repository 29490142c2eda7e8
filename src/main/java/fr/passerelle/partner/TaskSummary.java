package fr.passerelle.partner;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

public record TaskSummary(long id, String title, LocalDate dueDate, long assigneeId, @Nullable String assigneeName,
                          @Nullable Long companyId, @Nullable String companyName, boolean done, @Nullable Instant doneAt,
                          boolean overdue) {
}
