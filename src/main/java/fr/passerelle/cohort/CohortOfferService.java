package fr.passerelle.cohort;

import fr.passerelle.cohort.domain.ParticipantRepository;
import fr.passerelle.cohort.internal.CohortAccess;
import fr.passerelle.cohort.internal.CohortQueries;
import fr.passerelle.cohort.internal.ParticipantQueries;
import fr.passerelle.offer.CoverageMonth;
import fr.passerelle.offer.OfferDetails;
import fr.passerelle.offer.OfferService;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.OfferSuggestion;
import fr.passerelle.offer.OfferSuggestions;
import fr.passerelle.offer.SuggestionRequest;
import java.util.HashSet;
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
    private final OfferSuggestions suggestions;
    private final CohortService cohortService;

    CohortOfferService(ParticipantQueries queries, CohortQueries cohorts, ParticipantRepository participants, CohortAccess access,
                       OfferService offers, OfferSuggestions suggestions, CohortService cohortService) {
        this.queries = queries;
        this.cohorts = cohorts;
        this.participants = participants;
        this.access = access;
        this.offers = offers;
        this.suggestions = suggestions;
        this.cohortService = cohortService;
    }

    /** The cohort's linked offers, latest linked first. */
    public List<LinkedOffer> linkedOffers(long cohortId) {
        return queries.linkedOffers(cohortId);
    }

    /** The ids of the cohort's linked offers (for suggestions, which leave them out). */
    public List<Long> linkedOfferIds(long cohortId) {
        return queries.linkedOfferIds(cohortId);
    }

    /**
     * Open offers to link for the cohort's graduates (decision record 017): its trades first, then their families,
     * nearest the establishment or a department its participants (not dropped) return to first, leaving out those
     * already linked. For those who may link offers to it: administrators and the referents of its DISP.
     *
     * @param limit how many at most (1–{@value SuggestionRequest#MAX_LIMIT})
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public List<OfferSuggestion> suggestions(long cohortId, int limit) {
        CohortDetails cohort = cohortService.get(cohortId).orElseThrow(() -> new CohortException(null, "cohort.error.not-found"));
        access.requireEdit(cohort.dispCode());
        if (cohort.trades().isEmpty()) {
            return List.of();
        }
        return suggestions.suggest(new SuggestionRequest(cohort.trades().stream().map(CohortDetails.Trade::code).toList(),
                cohort.establishmentId(), queries.returnDepartments(cohortId), new HashSet<>(queries.linkedOfferIds(cohortId)), limit));
    }

    /**
     * Per month in which participants (not dropped) are expected to be released: how many, against the positions of
     * the offers linked to the cohort. Derived from participants, so for those who read them.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public List<CoverageMonth> coverage(long cohortId) {
        access.requireParticipants(disp(cohortId));
        return suggestions.coverage(queries.linkedOfferIds(cohortId), queries.releasesByMonth(cohortId));
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
