package fr.passerelle.workshop;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.reference.EstablishmentDetails;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import fr.passerelle.workshop.domain.WorkshopInterest;
import fr.passerelle.workshop.domain.WorkshopInterestRepository;
import fr.passerelle.workshop.domain.WorkshopSpace;
import fr.passerelle.workshop.domain.WorkshopSpaceRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workshop catalogue. Staff: every staff role reads the spaces; administrators and the referents
 * of the establishment's DISP change them. Public (no sign-in, {@code permitAll()}): the catalogue of
 * public spaces and the "Je suis intéressé" request, which lands in the queue of the referents of the
 * space's DISP, who handle or dismiss it (administrators see every DISP's queue).
 * Bad input is refused with a {@link WorkshopException} naming the draft's field.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class WorkshopService {

    private final WorkshopSpaceRepository spaces;
    private final WorkshopInterestRepository interests;
    private final WorkshopQueries queries;
    private final ReferenceService reference;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkshopService(WorkshopSpaceRepository spaces, WorkshopInterestRepository interests, WorkshopQueries queries,
                    ReferenceService reference, StaffDirectory staff, CurrentUser currentUser, ApplicationEventPublisher events,
                    ObjectProvider<Clock> clock) {
        this.spaces = spaces;
        this.interests = interests;
        this.queries = queries;
        this.reference = reference;
        this.staff = staff;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // Staff: spaces

    /**
     * One page of the spaces that match the filter. Sortable properties: {@code establishment}, {@code label},
     * {@code disp}, {@code department}, {@code area}, {@code category}, {@code availability}, {@code updated};
     * by establishment and label when the page has no sort.
     */
    public List<WorkshopSpaceSummary> spaces(WorkshopSpaceFilter filter, Pageable pageable) {
        return queries.spaces(filter, pageable);
    }

    public long count(WorkshopSpaceFilter filter) {
        return queries.countSpaces(filter);
    }

    /** The spaces of one establishment, by label. */
    public List<WorkshopSpaceSummary> spacesOfEstablishment(long establishmentId) {
        return queries.spaces(WorkshopSpaceFilter.ofEstablishment(establishmentId), Pageable.unpaged());
    }

    /** The spaces of one DISP's establishments, by establishment and label. */
    public List<WorkshopSpaceSummary> spacesOfDisp(String dispCode) {
        return queries.spaces(WorkshopSpaceFilter.ofDisp(dispCode), Pageable.unpaged());
    }

    public Optional<WorkshopSpaceSummary> space(long id) {
        return queries.space(id);
    }

    /** Whether the signed-in person may change spaces (and handle requests) of this DISP. */
    @PreAuthorize("permitAll()")
    public boolean canEdit(@Nullable String dispCode) {
        return currentUser.find().map(user -> user.role() == Role.ADMIN
                || user.role() == Role.REFERENT && dispCode != null && dispCode.equals(user.dispCode())).orElse(false);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public WorkshopSpaceSummary create(WorkshopSpaceDraft draft) {
        WorkshopSpaceDraft checked = WorkshopDraftChecks.space(draft, today());
        EstablishmentDetails establishment = establishment(Objects.requireNonNull(checked.establishmentId()));
        requireEdit(establishment.dispCode());
        var space = new WorkshopSpace(establishment.id());
        apply(space, checked, establishment);
        return summary(spaces.saveAndFlush(space));
    }

    /** Changes a space, unless it changed since {@code expectedVersion} was read. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public WorkshopSpaceSummary update(long id, long expectedVersion, WorkshopSpaceDraft draft) {
        WorkshopSpace space = editableSpace(id);
        if (space.getVersion() != expectedVersion) {
            throw new WorkshopException(null, "workshop.error.changed-meanwhile");
        }
        WorkshopSpaceDraft checked = WorkshopDraftChecks.space(draft, today());
        EstablishmentDetails establishment = establishment(Objects.requireNonNull(checked.establishmentId()));
        requireEdit(establishment.dispCode());
        apply(space, checked, establishment);
        return summary(spaces.saveAndFlush(space));
    }

    /** Deletes a space and its closed requests; refused while a company's request about it waits. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public void delete(long id) {
        WorkshopSpace space = editableSpace(id);
        if (interests.existsBySpaceIdAndStatus(id, InterestStatus.PENDING)) {
            throw new WorkshopException(null, "workshop.error.space-has-pending-interests");
        }
        spaces.delete(space);
    }

    private WorkshopSpace editableSpace(long id) {
        WorkshopSpace space = spaces.findById(id).orElseThrow(() -> new WorkshopException(null, "workshop.error.space-not-found"));
        requireEdit(establishment(space.getEstablishmentId()).dispCode());
        return space;
    }

    private EstablishmentDetails establishment(long id) {
        return reference.establishment(id)
                .filter(EstablishmentDetails::active)
                .orElseThrow(() -> new WorkshopException("establishmentId", "workshop.error.establishment-unknown"));
    }

    private void apply(WorkshopSpace space, WorkshopSpaceDraft draft, EstablishmentDetails establishment) {
        Long referentId = draft.referentId();
        if (referentId != null && staff.referents().stream()
                .noneMatch(r -> r.id() == referentId && establishment.dispCode().equals(r.dispCode()))) {
            throw new WorkshopException("referentId", "workshop.error.referent-not-of-disp", establishment.dispCode());
        }
        space.setEstablishmentId(establishment.id());
        space.setLabel(draft.label());
        space.setAreaM2(Objects.requireNonNull(draft.areaM2()));
        space.setStorageM2(draft.storageM2());
        space.setLoadingDock(draft.loadingDock());
        space.setCurrentActivity(draft.currentActivity());
        space.setActivityCategory(Objects.requireNonNull(draft.activityCategory()));
        space.setAvailability(Objects.requireNonNull(draft.availability()));
        space.setAvailableFrom(draft.availableFrom());
        space.setReferentId(referentId);
        space.setNotes(draft.notes());
        space.setPublicListing(draft.publicListing());
    }

    private WorkshopSpaceSummary summary(WorkshopSpace space) {
        return queries.space(Objects.requireNonNull(space.getId())).orElseThrow();
    }

    // Public: the catalogue and the request form

    /**
     * One page of the public catalogue: public spaces of active establishments only, without any e-mail
     * address, phone number or staff note. Open to everyone, signed in or not. Sortable properties:
     * {@code establishment}, {@code commune}, {@code department}, {@code region}, {@code area},
     * {@code availability}; by region, establishment and label when the page has no sort.
     */
    @PreAuthorize("permitAll()")
    public List<CatalogueEntry> catalogue(CatalogueFilter filter, Pageable pageable) {
        // Open to anyone: one call never reads more than a page of a sensible size, whatever it asks for.
        Pageable limited = pageable.isUnpaged() || pageable.getPageSize() > MAX_PUBLIC_PAGE
                ? PageRequest.of(pageable.isPaged() ? pageable.getPageNumber() : 0, MAX_PUBLIC_PAGE, pageable.getSort())
                : pageable;
        return queries.catalogue(filter, today(), limited);
    }

    /** The largest page of the public catalogue one call returns. */
    public static final int MAX_PUBLIC_PAGE = 50;

    /** How many spaces the public catalogue shows for the filter. Open to everyone. */
    @PreAuthorize("permitAll()")
    public long countCatalogue(CatalogueFilter filter) {
        return queries.countCatalogue(filter);
    }

    /** One space of the public catalogue (for the request form's heading), empty unless it is listed. Open to everyone. */
    @PreAuthorize("permitAll()")
    public Optional<CatalogueEntry> catalogueEntry(long spaceId) {
        return queries.catalogueEntry(spaceId, today());
    }

    /** The regions that have at least one space in the public catalogue, by name, for its region filter. Open to everyone. */
    @PreAuthorize("permitAll()")
    public List<CatalogueRegion> catalogueRegions() {
        return queries.catalogueRegions();
    }

    /**
     * Records a company's "Je suis intéressé" request about a listed space; it waits in the queue of the
     * referents of the space's DISP, and {@link WorkshopInterestRegistered} is published. Open to everyone:
     * the portal puts rate limits and a honeypot in front of it; this method validates and limits lengths.
     *
     * @return the request's id
     * @throws WorkshopException naming the field at fault ({@code spaceId} for a space that is not listed)
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public long registerInterest(InterestDraft draft) {
        if (!queries.isListed(draft.spaceId())) {
            throw new WorkshopException("spaceId", "workshop.error.space-not-listed");
        }
        InterestDraft checked = WorkshopDraftChecks.interest(draft);
        var interest = interests.saveAndFlush(new WorkshopInterest(checked.spaceId(), checked.companyName(), checked.siret(),
                checked.contactName(), checked.email(), checked.phone(), checked.message()));
        long id = Objects.requireNonNull(interest.getId());
        WorkshopInterestSummary saved = queries.interest(id).orElseThrow();
        events.publishEvent(new WorkshopInterestRegistered(id, saved.spaceId(), saved.spaceLabel(), saved.establishmentId(),
                saved.establishmentName(), saved.dispCode(), saved.companyName(), saved.createdAt()));
        return id;
    }

    // Staff: the requests queue

    /**
     * The pending requests, oldest first: of {@code dispCode}, or every DISP's for an administrator who gives
     * null. A referent who gives null gets their own DISP's; another DISP is refused.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public List<WorkshopInterestSummary> pendingInterests(@Nullable String dispCode, Pageable pageable) {
        return queries.interests(queueDisp(dispCode), InterestStatus.PENDING, pageable);
    }

    /** How many requests {@link #pendingInterests} lists for the same argument. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public long countPendingInterests(@Nullable String dispCode) {
        return queries.countInterests(queueDisp(dispCode), InterestStatus.PENDING);
    }

    /** One request, for an administrator or a referent of its DISP. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public Optional<WorkshopInterestSummary> interest(long id) {
        Optional<WorkshopInterestSummary> found = queries.interest(id);
        found.ifPresent(interest -> requireEdit(interest.dispCode()));
        return found;
    }

    /** The company was answered: the request leaves the queue. Only a pending request can be handled. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public WorkshopInterestSummary markHandled(long interestId) {
        return close(interestId, InterestStatus.HANDLED);
    }

    /** The request is set aside (spam, duplicate, out of scope): it leaves the queue. Only a pending request can be. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public WorkshopInterestSummary dismiss(long interestId) {
        return close(interestId, InterestStatus.DISMISSED);
    }

    private WorkshopInterestSummary close(long interestId, InterestStatus outcome) {
        WorkshopInterest interest = interests.findById(interestId)
                .orElseThrow(() -> new WorkshopException(null, "workshop.error.interest-not-found"));
        requireEdit(interest.getDispCode());
        if (interest.getStatus() != InterestStatus.PENDING) {
            throw new WorkshopException(null, "workshop.error.interest-closed");
        }
        SignedInUser user = currentUser.require();
        interest.close(outcome, user.id() == 0 ? null : user.id(), Instant.now(clock));
        interests.saveAndFlush(interest);
        return queries.interest(interestId).orElseThrow();
    }

    private @Nullable String queueDisp(@Nullable String dispCode) {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return dispCode;
        }
        if (dispCode != null && !dispCode.equals(user.dispCode())) {
            throw new AccessDeniedException("A referent sees the requests of their own DISP only");
        }
        return user.dispCode();
    }

    private void requireEdit(@Nullable String dispCode) {
        if (!canEdit(dispCode)) {
            throw new AccessDeniedException("Only an administrator or a referent of " + dispCode + " may do this");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DisplayFormats.PARIS);
    }
}
