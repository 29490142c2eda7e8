package fr.passerelle.portal.internal;

/** Where a declaration's confirmation link stands. */
public enum DeclarationLink {
    /** Valid and not yet used: the page asks for a click to confirm. */
    PENDING,
    /** Confirmed by this very use: the offer now waits for a referent. */
    JUST_CONFIRMED,
    /** Confirmed before (a link is used once). */
    ALREADY_CONFIRMED,
    /** Not used within its 48 hours. */
    EXPIRED,
    /** No such link (mistyped, or purged after 7 days). */
    UNKNOWN
}
