package fr.passerelle.cohort;

import fr.passerelle.offer.ContractType;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** A participant as the cohort's referents and administrators see them. */
public record ParticipantSummary(long id, long cohortId, String code, @Nullable YearMonth releaseMonth,
                                 @Nullable String returnDepartmentCode, ParticipantState state, @Nullable String dropReason,
                                 boolean certificationObtained, Situation atRelease, Situation afterSixMonths,
                                 @Nullable String note, long version) {

    /** The outcome at one moment, with the linked offer and its company when the person was hired through it. */
    public record Situation(@Nullable Outcome outcome, @Nullable ContractType contractType, @Nullable Long offerId,
                            @Nullable String offerTitle, @Nullable Long companyId, @Nullable String companyName) {

        public OutcomeDraft toDraft() {
            return new OutcomeDraft(outcome, contractType, offerId);
        }
    }

    public Situation situation(OutcomeMoment moment) {
        return moment == OutcomeMoment.AT_RELEASE ? atRelease : afterSixMonths;
    }

    public ParticipantDraft toDraft() {
        return new ParticipantDraft(code, releaseMonth, returnDepartmentCode, certificationObtained, note);
    }
}
