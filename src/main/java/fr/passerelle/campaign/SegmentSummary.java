package fr.passerelle.campaign;

import java.time.Instant;

/** A row of the segments list. */
public record SegmentSummary(long id, String name, String ownerName, Instant createdAt, Instant updatedAt) {
}
