package fr.passerelle.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a cohort form submits. The DISP and region come from the establishment.
 *
 * @param romeCodes  the ROME trades trained for, one at least (e.g. {@code F1603})
 * @param referentId the cohort's owner: a referent of the establishment's DISP, or an administrator; null means the
 *                   signed-in person
 */
public record CohortDraft(@Nullable Long programmeId, String title, @Nullable Sector sector, Set<String> romeCodes,
                          @Nullable Long establishmentId, List<PartnerLink> partners, @Nullable LocalDate plannedStart,
                          @Nullable LocalDate plannedEnd, @Nullable LocalDate actualStart, @Nullable LocalDate actualEnd,
                          @Nullable Integer hours, @Nullable String certification, @Nullable Integer capacity,
                          @Nullable Long referentId) {

    public CohortDraft {
        title = title == null ? "" : title;
        romeCodes = Set.copyOf(romeCodes);
        partners = List.copyOf(partners);
    }
}
