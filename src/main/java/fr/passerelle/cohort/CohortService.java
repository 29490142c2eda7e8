package fr.passerelle.cohort;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.cohort.domain.Cohort;
import fr.passerelle.cohort.domain.CohortPartnership;
import fr.passerelle.cohort.domain.CohortPartnershipRepository;
import fr.passerelle.cohort.domain.CohortRepository;
import fr.passerelle.cohort.domain.ProgrammeRepository;
import fr.passerelle.cohort.internal.CohortAccess;
import fr.passerelle.cohort.internal.CohortQueries;
import fr.passerelle.cohort.internal.FollowUp;
import fr.passerelle.cohort.internal.Texts;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.reference.EstablishmentDetails;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts (promotions). Every staff role reads them (never their participants: see {@link ParticipantService});
 * administrators and the referents of the establishment's DISP create and change them. A programme with the
 * one-promotion rule gets at most one non-cancelled cohort per establishment and year (a unique index holds it).
 * States move only as {@link CohortState#canBecome} says. Bad input: a {@link CohortException} naming the field.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class CohortService {

    private final CohortRepository cohorts;
    private final CohortPartnershipRepository partnerships;
    private final ProgrammeRepository programmes;
    private final CohortQueries queries;
    private final CohortAccess access;
    private final ReferenceService reference;
    private final CompanyService companies;
    private final StaffDirectory staff;
    private final EntityManager entityManager;
    private final FollowUp followUp;

    CohortService(CohortRepository cohorts, CohortPartnershipRepository partnerships, ProgrammeRepository programmes,
                  CohortQueries queries, CohortAccess access, ReferenceService reference, CompanyService companies,
                  StaffDirectory staff, EntityManager entityManager, FollowUp followUp) {
        this.followUp = followUp;
        this.entityManager = entityManager;
        this.cohorts = cohorts;
        this.partnerships = partnerships;
        this.programmes = programmes;
        this.queries = queries;
        this.access = access;
        this.reference = reference;
        this.companies = companies;
        this.staff = staff;
    }

    /**
     * One page of the cohorts that match the filter, latest planned start first unless sorted by {@code title},
     * {@code programme}, {@code establishment}, {@code disp}, {@code start}, {@code state} or {@code capacity}.
     */
    public List<CohortSummary> search(CohortFilter filter, Pageable pageable) {
        return queries.page(filter, pageable);
    }

    public long count(CohortFilter filter) {
        return queries.count(filter);
    }

    public Optional<CohortDetails> get(long id) {
        return queries.details(id, access::canEdit);
    }

    public CohortDetails require(long id) {
        return get(id).orElseThrow(() -> new CohortException(null, "cohort.error.not-found"));
    }

    /** Whether the signed-in person may create cohorts (administrators and referents); staff only, like the rest. */
    public boolean canCreate() {
        return access.canCreate();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public CohortDetails create(CohortDraft draft) {
        var cohort = new Cohort();
        apply(cohort, draft);
        return save(cohort, draft.partners());
    }

    /**
     * Changes a cohort of the caller's scope, unless it changed since {@code expectedVersion} was read. A new referent
     * or title carries over to the participants' open follow-up tasks.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public CohortDetails update(long id, long expectedVersion, CohortDraft draft) {
        Cohort cohort = editable(id);
        if (cohort.getVersion() != expectedVersion) {
            throw new CohortException(null, "cohort.error.changed-meanwhile");
        }
        long referent = cohort.getReferentId();
        String title = cohort.getTitle();
        apply(cohort, draft);
        CohortDetails saved = save(cohort, draft.partners());
        if (referent != cohort.getReferentId() || !title.equals(cohort.getTitle())) {
            followUp.syncCohort(id);
        }
        return saved;
    }

    /**
     * Moves a cohort to another state: {@code PLANNED → RECRUITING → IN_PROGRESS → COMPLETED}, or {@code CANCELLED}
     * (with a reason) before completion; every other move is refused. Starting sets the actual start to today and
     * completing sets the actual end, unless they were entered. Cancelling removes the participants' open follow-up tasks.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public CohortDetails transition(long id, CohortState target, @Nullable String reason) {
        Cohort cohort = editable(id);
        if (!cohort.getState().canBecome(target)) {
            throw new CohortException(null, "cohort.error.transition");
        }
        String cancelReason = target == CohortState.CANCELLED ? Texts.required(reason, 500, "reason") : null;
        LocalDate today = DisplayFormats.today();
        if (target == CohortState.IN_PROGRESS && cohort.getActualStart() == null) {
            cohort.setActualStart(today);
        }
        if (target == CohortState.COMPLETED) {
            if (cohort.getActualStart() == null) {
                cohort.setActualStart(cohort.getPlannedStart().isAfter(today) ? today : cohort.getPlannedStart());
            }
            if (cohort.getActualEnd() == null) {
                cohort.setActualEnd(today);
            }
        }
        cohort.moveTo(target, cancelReason);
        CohortDetails saved = save(cohort, null);
        if (target == CohortState.CANCELLED) {
            followUp.syncCohort(id);
        }
        return saved;
    }

    private Cohort editable(long id) {
        Cohort cohort = cohorts.findById(id).orElseThrow(() -> new CohortException(null, "cohort.error.not-found"));
        access.requireEdit(queries.dispOf(id).orElseThrow());
        return cohort;
    }

    private void apply(Cohort cohort, CohortDraft draft) {
        SignedInUser user = access.user();
        Long programmeId = draft.programmeId();
        if (programmeId != null && !programmes.existsById(programmeId)) {
            throw new CohortException("programmeId", "cohort.error.programme-unknown");
        }
        String title = Texts.required(draft.title(), 120, "title");
        if (draft.sector() == null) {
            throw new CohortException("sector", "cohort.error.required");
        }
        Set<String> trades = trades(draft.romeCodes());
        if (draft.establishmentId() == null) {
            throw new CohortException("establishmentId", "cohort.error.required");
        }
        EstablishmentDetails establishment = reference.establishment(draft.establishmentId())
                .filter(EstablishmentDetails::active)
                .orElseThrow(() -> new CohortException("establishmentId", "cohort.error.establishment-unknown"));
        access.requireEdit(establishment.dispCode());
        LocalDate plannedStart = draft.plannedStart();
        if (plannedStart == null) {
            throw new CohortException("plannedStart", "cohort.error.required");
        }
        if (draft.plannedEnd() != null && draft.plannedEnd().isBefore(plannedStart)) {
            throw new CohortException("plannedEnd", "cohort.error.end-before-start");
        }
        if (draft.actualEnd() != null && draft.actualStart() == null) {
            throw new CohortException("actualStart", "cohort.error.actual-start-missing");
        }
        if (draft.actualEnd() != null && draft.actualEnd().isBefore(draft.actualStart())) {
            throw new CohortException("actualEnd", "cohort.error.end-before-start");
        }
        Texts.range(draft.hours(), 1, 5000, "hours");
        if (draft.capacity() == null) {
            throw new CohortException("capacity", "cohort.error.required");
        }
        Texts.range(draft.capacity(), 1, 100, "capacity");
        long referentId = referent(draft.referentId(), establishment.dispCode(), user);
        checkPartners(draft.partners());

        cohort.setProgrammeId(programmeId);
        cohort.setTitle(title);
        cohort.setSector(draft.sector());
        cohort.setRomeCodes(trades);
        cohort.setEstablishmentId(establishment.id());
        cohort.setPlannedStart(plannedStart);
        cohort.setPlannedEnd(draft.plannedEnd());
        cohort.setActualStart(draft.actualStart());
        cohort.setActualEnd(draft.actualEnd());
        cohort.setHours(draft.hours());
        cohort.setCertification(Texts.optional(draft.certification(), 200, "certification"));
        cohort.setCapacity(draft.capacity());
        cohort.setReferentId(referentId);
    }

    private Set<String> trades(Set<String> codes) {
        if (codes.isEmpty()) {
            throw new CohortException("romeCodes", "cohort.error.trades-required");
        }
        var checked = new HashSet<String>();
        for (String typed : codes) {
            String code = typed.strip().toUpperCase(Locale.ROOT);
            if (reference.romeJob(code).isEmpty()) {
                throw new CohortException("romeCodes", "cohort.error.trade-unknown", typed);
            }
            checked.add(code);
        }
        return checked;
    }

    /** The owner: the signed-in person unless named; a referent of the DISP, or an administrator. */
    private long referent(@Nullable Long referentId, String dispCode, SignedInUser user) {
        if (referentId == null) {
            if (user.role() == Role.REFERENT || user.role() == Role.ADMIN) {
                return user.id();
            }
            throw new CohortException("referentId", "cohort.error.required");
        }
        boolean allowed = referentId == user.id() || staff.assignable().stream()
                .anyMatch(member -> member.id() == referentId && (member.dispCode() == null || member.dispCode().equals(dispCode)));
        if (!allowed) {
            throw new CohortException("referentId", "cohort.error.referent-not-of-disp", dispCode);
        }
        return referentId;
    }

    private void checkPartners(List<PartnerLink> partners) {
        if (partners.size() != new HashSet<>(partners).size()) {
            throw new CohortException("partners", "cohort.error.partner-twice");
        }
        for (PartnerLink partner : partners) {
            if (companies.get(partner.companyId()).isEmpty()) {
                throw new CohortException("partners", "cohort.error.partner-unknown");
            }
        }
    }

    /** Saves the cohort, then its partners when given (null: unchanged), and reads it back. */
    private CohortDetails save(Cohort cohort, @Nullable List<PartnerLink> partners) {
        try {
            cohorts.saveAndFlush(cohort);
            long id = Objects.requireNonNull(cohort.getId());
            if (partners != null && replacePartners(id, partners)) {
                // A change of partners is a change of the cohort: whoever started from the old version must know.
                entityManager.lock(cohort, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                entityManager.flush();
            }
            return queries.details(id, access::canEdit).orElseThrow();
        } catch (DataIntegrityViolationException e) {
            if (Texts.violates(e, "cohort_one_promotion_per_year")) {
                throw new CohortException("establishmentId", "cohort.error.one-promotion-per-year", cohort.getPlannedStart().getYear());
            }
            if (Texts.violates(e, "cohort_referent_of_disp")) {
                throw new CohortException("referentId", "cohort.error.referent-not-of-disp", "");
            }
            throw e;
        }
    }

    /** Whether anything changed. */
    private boolean replacePartners(long cohortId, List<PartnerLink> partners) {
        Set<PartnerLink> wanted = new HashSet<>(partners);
        List<CohortPartnership> existing = partnerships.findByCohortId(cohortId);
        Set<PartnerLink> kept = existing.stream().map(p -> new PartnerLink(p.getCompanyId(), p.getRole()))
                .filter(wanted::contains).collect(Collectors.toSet());
        var removed = existing.stream().filter(p -> !wanted.contains(new PartnerLink(p.getCompanyId(), p.getRole()))).toList();
        partnerships.deleteAll(removed);
        partnerships.flush();
        var added = wanted.stream().filter(link -> !kept.contains(link)).toList();
        added.forEach(link -> partnerships.save(new CohortPartnership(cohortId, link.companyId(), link.role())));
        partnerships.flush();
        return !removed.isEmpty() || !added.isEmpty();
    }
}
