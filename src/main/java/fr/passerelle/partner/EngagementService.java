package fr.passerelle.partner;

import fr.passerelle.partner.domain.Company;
import fr.passerelle.partner.domain.CompanyRepository;
import fr.passerelle.partner.domain.Engagement;
import fr.passerelle.partner.domain.EngagementRepository;
import fr.passerelle.reference.ReferenceService;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Engagements: workshops, subcontracting, hiring, apprenticeships, awareness events. Not for communication teams. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class EngagementService {

    private final EngagementRepository engagements;
    private final CompanyRepository companies;
    private final ReferenceService reference;
    private final PartnerScope scope;

    EngagementService(EngagementRepository engagements, CompanyRepository companies, ReferenceService reference, PartnerScope scope) {
        this.engagements = engagements;
        this.companies = companies;
        this.reference = reference;
        this.scope = scope;
    }

    public List<EngagementSummary> ofCompany(long companyId) {
        return engagements.findByCompanyIdOrderByStartDateDesc(companyId).stream().map(this::summary).toList();
    }

    @Transactional
    public EngagementSummary add(long companyId, EngagementDraft draft) {
        Company company = editableCompany(companyId);
        var engagement = new Engagement(company.getId(), draft.type());
        apply(engagement, draft);
        return summary(engagements.saveAndFlush(engagement));
    }

    @Transactional
    public EngagementSummary update(long engagementId, long expectedVersion, EngagementDraft draft) {
        Engagement engagement = engagements.findById(engagementId)
                .orElseThrow(() -> new PartnerException(null, "partner.error.engagement-not-found"));
        editableCompany(engagement.getCompanyId());
        if (engagement.getVersion() != expectedVersion) {
            throw new PartnerException(null, "partner.error.changed-meanwhile");
        }
        apply(engagement, draft);
        return summary(engagements.saveAndFlush(engagement));
    }

    @Transactional
    public void delete(long engagementId) {
        Engagement engagement = engagements.findById(engagementId)
                .orElseThrow(() -> new PartnerException(null, "partner.error.engagement-not-found"));
        editableCompany(engagement.getCompanyId());
        engagements.delete(engagement);
    }

    private void apply(Engagement engagement, EngagementDraft draft) {
        if (draft.startDate() != null && draft.endDate() != null && draft.endDate().isBefore(draft.startDate())) {
            throw new PartnerException("endDate", "partner.error.end-before-start");
        }
        if (draft.headcount() != null && draft.headcount() < 0) {
            throw new PartnerException("headcount", "partner.error.headcount-negative");
        }
        if (draft.type() == EngagementType.WORKSHOP && draft.establishmentIds().isEmpty()) {
            throw new PartnerException("establishments", "partner.error.workshop-needs-establishment");
        }
        for (long id : draft.establishmentIds()) {
            if (reference.establishment(id).isEmpty()) {
                throw new PartnerException("establishments", "partner.error.establishment-unknown");
            }
        }
        engagement.setType(draft.type());
        engagement.setStatus(draft.status());
        engagement.setEstablishmentIds(draft.establishmentIds());
        engagement.setStartDate(draft.startDate());
        engagement.setEndDate(draft.endDate());
        engagement.setHeadcount(draft.headcount());
        engagement.setVolume(CompanyDraftValidator.blankToNull(draft.volume()));
        engagement.setNotes(CompanyDraftValidator.blankToNull(draft.notes()));
    }

    private Company editableCompany(long companyId) {
        return scope.editableCompany(companyId);
    }

    private EngagementSummary summary(Engagement e) {
        var establishments = e.getEstablishmentIds().stream()
                .flatMap(id -> reference.establishment(id).stream())
                .map(details -> new EngagementSummary.EstablishmentRef(details.id(), details.name()))
                .sorted(Comparator.comparing(EngagementSummary.EstablishmentRef::name))
                .toList();
        return new EngagementSummary(e.getId(), e.getCompanyId(), e.getType(), e.getStatus(), establishments, e.getStartDate(),
                e.getEndDate(), e.getHeadcount(), e.getVolume(), e.getNotes(), e.getVersion());
    }
}
