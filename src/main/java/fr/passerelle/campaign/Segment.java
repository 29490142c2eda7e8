package fr.passerelle.campaign;

import java.time.Instant;

/** A saved segment, with the version an edit starts from. */
public record Segment(long id, String name, SegmentFilter filter, String ownerName, Instant createdAt, Instant updatedAt,
                      long version) {
}
