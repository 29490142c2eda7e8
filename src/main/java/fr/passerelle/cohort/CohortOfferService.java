package fr.passerelle.cohort;

import fr.passerelle.cohort.domain.ParticipantRepository;
import fr.passerelle.cohort.internal.CohortAccess;
import fr.passerelle.cohort.internal.CohortQueries;
import fr.passerelle.cohort.internal.ParticipantQueries;
import fr.passerelle.offer.OfferDetails;
import fr.passerelle.offer.OfferService;
import fr.passerelle.offer.OfferStatus;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers linked to a cohort, kept for its graduates. Every staff role reads them; administrators and the referents
 * of the cohort's DISP link an open offer (checked through the offer module) and unlink one, unless a participant's
 * outcome records a hire through it.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class CohortOfferService {

    private final ParticipantQueries queries;
    private final CohortQueries cohorts;
    private final ParticipantRepository participants;
    private final CohortAccess access;
    private final OfferService offers;

    CohortOfferService(ParticipantQueries queries, CohortQueries cohorts, ParticipantRepository participants, CohortAccess access,
                       OfferService offers) {
        this.queries = queries;
        this.cohorts = cohorts;
        this.participants = participants;
        this.access = access;
        this.offers = offers;
    }

    /** The cohort's linked offers, latest linked first. */
    public List<LinkedOffer> linkedOffers(long cohortId) {
        return queries.linkedOffers(cohortId);
    }

    /** The ids of the cohort's linked offers (for suggestions, which leave them out). */
    public List<Long> linkedOfferIds(long cohortId) {
        return queries.linkedOfferIds(cohortId);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public void link(long cohortId, long offerId) {
        access.requireEdit(disp(cohortId));
        OfferDetails offer = offers.get(offerId).orElseThrow(() -> new CohortException("offerId", "cohort.error.offer-unknown"));
        if (offer.status() != OfferStatus.OPEN) {
            throw new CohortException("offerId", "cohort.error.offer-not-open");
        }
        if (queries.isLinked(cohortId, offerId)) {
            throw new CohortException("offerId", "cohort.error.offer-already-linked");
        }
        queries.link(cohortId, offerId, access.user().id());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public void unlink(long cohortId, long offerId) {
        access.requireEdit(disp(cohortId));
        if (participants.hiredThrough(cohortId, offerId)) {
            throw new CohortException(null, "cohort.error.offer-used-in-outcome");
        }
        queries.unlink(cohortId, offerId);
    }

    private String disp(long cohortId) {
        return cohorts.dispOf(cohortId).orElseThrow(() -> new CohortException(null, "cohort.error.not-found"));
    }
}
