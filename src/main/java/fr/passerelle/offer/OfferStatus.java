package fr.passerelle.offer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an offer stands. A declaration from the portal waits for a referent's validation; an open offer
 * ends filled, closed or expired; a rejected one never opens (the company declares it again). The rule is
 * here alone: the service refuses every move {@link #canBecome} refuses.
 */
public enum OfferStatus {
    PENDING_VALIDATION, OPEN, FILLED, CLOSED, EXPIRED, REJECTED;

    /** The states this one may move to; an extension of an open offer is not a move (it stays open). */
    public Set<OfferStatus> next() {
        return switch (this) {
            case PENDING_VALIDATION -> EnumSet.of(OPEN, REJECTED);
            case OPEN -> EnumSet.of(FILLED, CLOSED, EXPIRED);
            case FILLED, CLOSED, EXPIRED, REJECTED -> EnumSet.noneOf(OfferStatus.class);
        };
    }

    public boolean canBecome(OfferStatus target) {
        return next().contains(target);
    }

    /** Only an open offer can have its end date pushed back; it stays open. */
    public boolean canBeExtended() {
        return this == OPEN;
    }

    /** No move leads out of it. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Moving there needs a reason code (and a text for {@link RejectionReason#OTHER}). */
    public boolean needsReason() {
        return this == REJECTED;
    }

    public String translationKey() {
        return "offer.status." + name();
    }
}
