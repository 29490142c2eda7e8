package fr.passerelle.workshop;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A workshop space as staff see it, with where it is and whom to contact. {@code version} is given
 * back to {@link WorkshopService#update} so that a change made meanwhile is not overwritten.
 */
public record WorkshopSpaceSummary(long id, long establishmentId, String establishmentName, String establishmentTypeCode,
                                   String commune, @Nullable String departmentCode, @Nullable String regionCode,
                                   @Nullable String regionName, String dispCode, String label, int areaM2,
                                   @Nullable Integer storageM2, boolean loadingDock, @Nullable String currentActivity,
                                   ActivityCategory activityCategory, Availability availability,
                                   @Nullable LocalDate availableFrom, @Nullable Long referentId, @Nullable String referentName,
                                   @Nullable String notes, boolean publicListing, long pendingInterests, Instant updatedAt,
                                   long version) {

    /** The draft that leaves the space as it is, for an edit form. */
    public WorkshopSpaceDraft toDraft() {
        return new WorkshopSpaceDraft(establishmentId, label, areaM2, storageM2, loadingDock, currentActivity, activityCategory,
                availability, availableFrom, referentId, notes, publicListing);
    }
}
