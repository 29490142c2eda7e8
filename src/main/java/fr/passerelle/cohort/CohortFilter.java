package fr.passerelle.cohort;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** The filters of the cohorts list (null: any); what the session remembers. */
public record CohortFilter(@Nullable String dispCode, @Nullable CohortState state, @Nullable Long programmeId,
                           @Nullable Long establishmentId) implements Serializable {

    public static CohortFilter none() {
        return new CohortFilter(null, null, null, null);
    }

    public static CohortFilter ofProgramme(long programmeId) {
        return new CohortFilter(null, null, programmeId, null);
    }

    public CohortFilter withDisp(@Nullable String disp) {
        return new CohortFilter(disp, state, programmeId, establishmentId);
    }
}
