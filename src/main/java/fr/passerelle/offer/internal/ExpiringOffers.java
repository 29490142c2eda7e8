package fr.passerelle.offer.internal;

/**
 * What the expiry job may do to an offer, as the system ({@code job:offer-expiry}). Implemented by the
 * module's {@code OfferOperations}, so that the state machine, the recorded status change, the audit and the
 * {@code OfferStatusChanged} event are the same as for any other change. Internal to the module (Spring
 * Modulith keeps other modules out of {@code offer.internal}), so that no other module acts as the system.
 */
public interface ExpiringOffers {

    /** The job's actor name, in {@code offer_status_change.changed_by} (prefixed {@code job:}). */
    String JOB = "offer-expiry";

    /**
     * Moves an open offer to {@code EXPIRED}. The caller has checked, in its transaction and with the row
     * locked, that its deadline has passed; an offer that is no longer open is refused like any bad move.
     */
    void expire(long offerId);
}
