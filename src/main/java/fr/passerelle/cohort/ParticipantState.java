package fr.passerelle.cohort;

/** A participant is enrolled, then completes the training or drops out of it (with a reason). */
public enum ParticipantState {
    ENROLLED, COMPLETED, DROPPED;

    public String translationKey() {
        return "cohort.participant.state." + name();
    }
}
