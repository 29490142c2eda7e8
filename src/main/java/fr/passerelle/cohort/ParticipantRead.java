package fr.passerelle.cohort;

import java.time.Instant;

/** One read of a cohort's participants: who and when. */
public record ParticipantRead(long userId, String userDisplayName, Instant readAt) {
}
