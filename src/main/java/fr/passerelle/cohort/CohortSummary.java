package fr.passerelle.cohort;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A row of the cohorts list.
 *
 * @param enrolled how many participants are enrolled or have completed (not those who dropped out)
 */
public record CohortSummary(long id, String title, @Nullable Long programmeId, @Nullable String programmeTitle, Sector sector,
                            long establishmentId, String establishmentName, String dispCode, LocalDate plannedStart,
                            @Nullable LocalDate plannedEnd, int capacity, long enrolled, CohortState state, String referentName) {
}
