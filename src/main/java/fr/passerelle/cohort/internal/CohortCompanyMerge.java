package fr.passerelle.cohort.internal;

import fr.passerelle.cohort.domain.CohortPartnership;
import fr.passerelle.cohort.domain.CohortPartnershipRepository;
import fr.passerelle.cohort.domain.Participant;
import fr.passerelle.cohort.domain.ParticipantRepository;
import fr.passerelle.partner.CompanyMerging;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A merged duplicate's partnerships and recorded hires move to the kept company (through JPA, so that the move is
 * audited); a role the kept company already plays in the same cohort is not doubled.
 */
@Component
class CohortCompanyMerge {

    private final CohortPartnershipRepository partnerships;
    private final ParticipantRepository participants;

    CohortCompanyMerge(CohortPartnershipRepository partnerships, ParticipantRepository participants) {
        this.partnerships = partnerships;
        this.participants = participants;
    }

    /** Synchronous, in the merge's transaction: the duplicate is deleted right after. */
    @EventListener
    void companyMerging(CompanyMerging merging) {
        var keptRoles = partnerships.findByCompanyId(merging.keptId());
        for (CohortPartnership partnership : partnerships.findByCompanyId(merging.mergedId())) {
            boolean doubled = keptRoles.stream().anyMatch(k -> k.getCohortId() == partnership.getCohortId() && k.getRole() == partnership.getRole());
            if (doubled) {
                partnerships.delete(partnership);
            } else {
                partnership.setCompanyId(merging.keptId());
                partnerships.save(partnership);
            }
        }
        partnerships.flush();
        for (Participant participant : participants.findByCompany(merging.mergedId())) {
            participant.moveCompany(merging.mergedId(), merging.keptId());
            participants.save(participant);
        }
        participants.flush();
    }
}
