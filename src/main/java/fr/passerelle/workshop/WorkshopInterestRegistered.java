package fr.passerelle.workshop;

import java.time.Instant;

/**
 * Published when a company has asked about a space: it now waits in the queue of the referents of
 * {@code dispCode}. Published inside the registering transaction; listen with
 * {@code @ApplicationModuleListener} (or after commit) to notify.
 */
public record WorkshopInterestRegistered(long interestId, long spaceId, String spaceLabel, long establishmentId,
                                         String establishmentName, String dispCode, String companyName, Instant registeredAt) {
}
