package fr.passerelle.offer.internal;

import fr.passerelle.base.DisplayFormats;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * What the expiry job may do to an offer, as the system ({@code job:offer-expiry}). Implemented by the
 * module's {@code OfferOperations}, so that the state machine, the recorded status change, the audit and the
 * {@code OfferStatusChanged} event are the same as for any other change. Internal to the module (Spring
 * Modulith keeps other modules out of {@code offer.internal}), so that no other module acts as the system.
 */
public interface ExpiringOffers {

    /** The job's actor name, in {@code offer_status_change.changed_by} (prefixed {@code job:}). */
    String JOB = "offer-expiry";

    /** An open offer its company has not updated for this long expires. */
    Duration INACTIVITY = Duration.ofDays(90);

    /**
     * The last day (Paris) an open offer is open: its end date, or the day its {@link #INACTIVITY} runs out,
     * whichever comes first (the job's {@code DEADLINE}, seen from the day before it).
     */
    static LocalDate lastDay(@Nullable LocalDate endDate, Instant lastCompanyUpdateAt) {
        LocalDate inactive = LocalDate.ofInstant(lastCompanyUpdateAt.plus(INACTIVITY).minus(1, ChronoUnit.MICROS), DisplayFormats.PARIS);
        return endDate != null && endDate.isBefore(inactive) ? endDate : inactive;
    }

    /**
     * Moves an open offer to {@code EXPIRED}. The caller has checked, in its transaction and with the row
     * locked, that its deadline has passed; an offer that is no longer open is refused like any bad move.
     */
    void expire(long offerId);
}
