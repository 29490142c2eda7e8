package fr.passerelle.workshop;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A space as the public catalogue shows it: where it is, what it offers, and the name of the referent to
 * ask for. It deliberately carries no e-mail address, phone number nor staff notes: visitors reach the
 * referent through {@link WorkshopService#registerInterest}.
 *
 * @param availability    {@link Availability#AVAILABLE_FROM} only while its date is still to come; a space
 *                        whose date has come is given as {@link Availability#AVAILABLE}
 * @param referentName    the display name of the referent to contact, null when none is recorded
 */
public record CatalogueEntry(long spaceId, long establishmentId, String establishmentName, String establishmentTypeCode,
                             String establishmentTypeLabel, String commune, @Nullable String departmentCode,
                             @Nullable String departmentName, @Nullable String regionCode, @Nullable String regionName,
                             String dispCode, String dispName, String label, int areaM2, @Nullable Integer storageM2,
                             boolean loadingDock, @Nullable String currentActivity, ActivityCategory activityCategory,
                             Availability availability, @Nullable LocalDate availableFrom, @Nullable String referentName) {
}
