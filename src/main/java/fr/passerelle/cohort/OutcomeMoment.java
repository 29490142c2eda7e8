package fr.passerelle.cohort;

/** When an outcome is recorded. */
public enum OutcomeMoment {
    AT_RELEASE, AFTER_SIX_MONTHS;

    public String translationKey() {
        return "cohort.outcome-moment." + name();
    }
}
