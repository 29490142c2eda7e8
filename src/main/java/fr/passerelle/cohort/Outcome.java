package fr.passerelle.cohort;

/** What a participant does at release, and six months later. */
public enum Outcome {
    EMPLOYED, IN_TRAINING, JOB_SEEKING, UNKNOWN;

    public String translationKey() {
        return "cohort.outcome." + name();
    }
}
