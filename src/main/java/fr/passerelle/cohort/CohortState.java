package fr.passerelle.cohort;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a cohort stands: planned, recruiting, in progress, completed; or cancelled (with a reason) from any state
 * before completion. The rule is here alone: the service refuses every move {@link #canBecome} refuses.
 */
public enum CohortState {
    PLANNED, RECRUITING, IN_PROGRESS, COMPLETED, CANCELLED;

    public Set<CohortState> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(RECRUITING, CANCELLED);
            case RECRUITING -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(CohortState.class);
        };
    }

    public boolean canBecome(CohortState target) {
        return next().contains(target);
    }

    /** Participants can still be enrolled. */
    public boolean enrols() {
        return this == PLANNED || this == RECRUITING || this == IN_PROGRESS;
    }

    public String translationKey() {
        return "cohort.state." + name();
    }
}
