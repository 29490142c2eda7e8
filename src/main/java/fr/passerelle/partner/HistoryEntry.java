package fr.passerelle.partner;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One audited change: who changed what, when. {@code subject} names the contact or engagement
 * concerned (null for the company itself).
 */
public record HistoryEntry(Instant at, String author, Subject subjectType, @Nullable String subject,
                           TimelineEntry.Change change, List<FieldChange> fields) {

    public enum Subject { COMPANY, CONTACT, ENGAGEMENT }

    /** A field's translation key with its value before and after, as text. */
    public record FieldChange(String field, @Nullable String before, @Nullable String after) {
    }
}
