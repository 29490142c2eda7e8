package fr.passerelle.cohort;

/**
 * The results of a cohort, or of a programme's cohorts added together, each rate with the counts behind it:
 * <ul>
 * <li>{@code fill}: participants enrolled and not dropped, out of the places (capacity);</li>
 * <li>{@code completion}: participants who completed the training, out of those who left it (completed or
 *     dropped); {@code inTraining} says how many are still enrolled and not counted;</li>
 * <li>{@code certification}: participants who completed with the certification, out of those who completed;</li>
 * <li>{@code releaseEmployed} / {@code sixMonthEmployed}: employed, out of the participants who completed the
 *     training and whose outcome date has come (release month reached, or six months after it; or an outcome
 *     already recorded); of those, {@code …Unknown} have the outcome {@code UNKNOWN} and {@code …Unrecorded} none yet.</li>
 * </ul>
 * {@code restricted} says that the small-group rule applied (the reader may not see these participants).
 */
public record CohortRates(Rate fill, Rate completion, Rate inTraining, Rate certification,
                          Rate releaseEmployed, Rate releaseUnknown, Rate releaseUnrecorded,
                          Rate sixMonthEmployed, Rate sixMonthUnknown, Rate sixMonthUnrecorded, boolean restricted) {

    /** Whether no participant is enrolled yet: nothing but the fill rate to measure. */
    public boolean noParticipant() {
        return inTraining.empty();
    }

    /**
     * The rates as someone who may not see the participants gets them: every rate of people withheld when it shows a
     * group of one or two. The fill rate counts places, and stays.
     */
    CohortRates forOutsiders() {
        return new CohortRates(fill, completion.forOutsiders(), inTraining.forOutsiders(), certification.forOutsiders(),
                releaseEmployed.forOutsiders(), releaseUnknown.forOutsiders(), releaseUnrecorded.forOutsiders(),
                sixMonthEmployed.forOutsiders(), sixMonthUnknown.forOutsiders(), sixMonthUnrecorded.forOutsiders(), true);
    }
}
