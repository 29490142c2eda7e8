package fr.passerelle.offer;

import fr.passerelle.base.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People hired through an offer, for the module that records the hires (cohorts: a participant employed through a
 * linked offer). The offer module keeps no count of its own: the caller says how many people it has hired through
 * the offer, and when they reach the offer's positions an open offer becomes {@code FILLED}, as a status change by the
 * signed-in person (in the company's timeline and the audit). The caller has checked that person's right to record
 * the hire (their cohort); the offer may be of another DISP. No screen calls it.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class OfferHires {

    private final OfferOperations operations;
    private final CurrentUser currentUser;

    OfferHires(OfferOperations operations, CurrentUser currentUser) {
        this.operations = operations;
        this.currentUser = currentUser;
    }

    /** {@code hires} people are now hired through the offer; returns whether that filled it. */
    public boolean recordHires(long offerId, int hires) {
        return operations.recordHires(OfferActor.recordingHire(currentUser.require()), offerId, hires);
    }
}
