package fr.passerelle.campaign;

import java.time.Instant;

/** A row of the templates list. */
public record TemplateSummary(long id, String name, String subject, String ownerName, Instant updatedAt) {
}
