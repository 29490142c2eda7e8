package fr.passerelle.optout;

/** What recording an event did to the address. */
public enum OptOutOutcome {
    /** The address is blocked from now on ({@link AddressBlocked} was published). */
    BLOCKED,
    /** The address was blocked already; nothing changed but the time of its last event. */
    ALREADY_BLOCKED,
    /** A soft bounce was counted; the address is not blocked yet. */
    COUNTED
}
