package fr.passerelle.cohort;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * What the participant form submits: nothing that identifies the person.
 *
 * @param code the pseudonymous code the SPIP gives (capital letters, digits and hyphens, 3 to 20), unique in the cohort
 * @param note a short remark about the training path (500 characters at most), never a name or anything about a sentence
 */
public record ParticipantDraft(String code, @Nullable YearMonth releaseMonth, @Nullable String returnDepartmentCode,
                               boolean certificationObtained, @Nullable String note) {

    public ParticipantDraft {
        code = code == null ? "" : code;
    }
}
