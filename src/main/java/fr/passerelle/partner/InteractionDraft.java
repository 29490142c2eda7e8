package fr.passerelle.partner;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A call, meeting, visit, e-mail or event to log; the time is Paris time, as people say it. */
public record InteractionDraft(InteractionKind kind, LocalDateTime occurredAt, @Nullable Long contactId, String summary) {
}
