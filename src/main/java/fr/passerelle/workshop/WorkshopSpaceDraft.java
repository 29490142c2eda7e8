package fr.passerelle.workshop;

import java.io.Serializable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A workshop space as staff type it; {@link WorkshopService} checks it and names the component at
 * fault in its {@link WorkshopException}.
 *
 * @param establishmentId the establishment the space is in; required
 * @param label           how the space is called on site, e.g. "Atelier 2 – bâtiment B" (≤ 120)
 * @param areaM2          the production area in m², 1–100,000; required
 * @param storageM2       storage in m², 0–100,000; null when unknown or none recorded
 * @param currentActivity what is done there now, free text (≤ 200), e.g. "conditionnement"
 * @param availableFrom   required with {@link Availability#AVAILABLE_FROM} (today or later), ignored otherwise
 * @param referentId      the referent a company contacts: a referent of the establishment's DISP, or null
 * @param notes           for staff only, never shown in the public catalogue (≤ 1000)
 * @param publicListing   whether the public catalogue shows the space
 */
public record WorkshopSpaceDraft(@Nullable Long establishmentId, String label, @Nullable Integer areaM2,
                                 @Nullable Integer storageM2, boolean loadingDock, @Nullable String currentActivity,
                                 @Nullable ActivityCategory activityCategory, @Nullable Availability availability,
                                 @Nullable LocalDate availableFrom, @Nullable Long referentId, @Nullable String notes,
                                 boolean publicListing) implements Serializable {
}
