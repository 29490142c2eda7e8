package fr.passerelle.offer;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.offer.domain.Offer;
import fr.passerelle.offer.domain.OfferRepository;
import fr.passerelle.offer.domain.OfferStatusChangeRecord;
import fr.passerelle.offer.domain.OfferStatusChangeRepository;
import fr.passerelle.offer.internal.ExpiringOffers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to offers, for an explicit {@link OfferActor}: the staff service passes the signed-in
 * person; a company's portal service and the expiry jobs (later) pass theirs. Scope, the state machine,
 * the recorded status changes and the events are here once, whoever calls.
 */
@Component
@Transactional
class OfferOperations implements ExpiringOffers {

    private final OfferRepository offers;
    private final OfferStatusChangeRepository changes;
    private final OfferDraftValidator validator;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    OfferOperations(OfferRepository offers, OfferStatusChangeRepository changes, OfferDraftValidator validator,
                    ApplicationEventPublisher events, JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.offers = offers;
        this.changes = changes;
        this.validator = validator;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Creates an offer in {@code status} (open when staff enter it, pending when a company declares it); returns its id. */
    long create(OfferActor actor, OfferDraft draft, OfferSource source, OfferStatus status) {
        var checked = validator.check(draft);
        requireChange(actor, checked.dispCode(), draft.companyId());
        OfferDraft valid = checked.draft();
        var offer = new Offer(valid.companyId(), source, status);
        apply(offer, valid);
        Instant now = now();
        offer.touch(now);
        offer.companyUpdated(now);
        offers.saveAndFlush(offer);
        long id = Objects.requireNonNull(offer.getId());
        changes.save(new OfferStatusChangeRecord(id, null, status, null, null, actor.name(), now));
        events.publishEvent(new OfferCreated(id, valid.companyId(), checked.dispCode(), Objects.requireNonNull(valid.type()),
                status, source, actor.name()));
        return id;
    }

    /**
     * Creates a declaration from the portal: an offer {@code PENDING_VALIDATION} of source {@code PORTAL} without a
     * company (a referent matches it when validating). Only the draft's offer fields are checked
     * ({@link OfferDraftValidator#offerFields}); its company and contact are ignored.
     */
    Declared createDeclared(OfferActor actor, OfferDraft draft) {
        var checked = validator.offerFields(draft);
        OfferDraft valid = checked.draft();
        var offer = new Offer(null, OfferSource.PORTAL, OfferStatus.PENDING_VALIDATION);
        apply(offer, valid);
        offer.setContactId(null);
        Instant now = now();
        offer.touch(now);
        offer.companyUpdated(now);
        offers.saveAndFlush(offer);
        long id = Objects.requireNonNull(offer.getId());
        changes.save(new OfferStatusChangeRecord(id, null, OfferStatus.PENDING_VALIDATION, null, null, actor.name(), now));
        events.publishEvent(new OfferCreated(id, null, checked.dispCode(), Objects.requireNonNull(valid.type()),
                OfferStatus.PENDING_VALIDATION, OfferSource.PORTAL, actor.name()));
        return new Declared(id, checked.dispCode());
    }

    /** A declaration's offer as created: its id and the DISP of its place. */
    record Declared(long id, String dispCode) {
    }

    /**
     * Gives a declaration its CRM company and contact (the referent validating it found or created them); the offer
     * stays pending until {@link #transition} opens it. Audited like any change.
     */
    void assignCompany(OfferActor actor, long id, long companyId, @Nullable Long contactId) {
        Offer offer = changeable(actor, id);
        if (offer.getCompanyId() != null) {
            throw new OfferException("company", "offer.error.company-fixed");
        }
        if (offer.getStatus() != OfferStatus.PENDING_VALIDATION) {
            throw new OfferException(null, "offer.error.transition", offer.getStatus(), OfferStatus.OPEN);
        }
        offer.assignCompany(companyId, contactId);
        offer.touch(now());
        try {
            offers.saveAndFlush(offer);
        } catch (OptimisticLockingFailureException e) {
            throw new OfferException(null, "offer.error.changed-meanwhile");
        }
    }

    /**
     * Changes an offer's fields. {@code expectedVersion} is the version the person started from: if someone
     * saved in between, nothing is overwritten. Moving it to another DISP needs the right to both.
     */
    void update(OfferActor actor, long id, long expectedVersion, OfferDraft draft) {
        Offer offer = changeable(actor, id);
        if (offer.getVersion() != expectedVersion) {
            throw new OfferException(null, "offer.error.changed-meanwhile");
        }
        if (offer.getStatus().isFinal()) {
            throw new OfferException(null, "offer.error.final", offer.getStatus());
        }
        if (offer.getCompanyId() == null) {
            // A declaration gets its company when it is validated, not through the offer form.
            throw new OfferException("company", "moderation.error.company-not-matched");
        }
        if (draft.companyId() != offer.getCompanyId()) {
            throw new OfferException("company", "offer.error.company-fixed");
        }
        var checked = validator.check(draft);
        requireChange(actor, checked.dispCode(), offer.getCompanyId());
        apply(offer, checked.draft());
        Instant now = now();
        offer.touch(now);
        if (actor.kind() == OfferActor.Kind.COMPANY) {
            offer.companyUpdated(now);
        }
        try {
            offers.saveAndFlush(offer);
        } catch (OptimisticLockingFailureException e) {
            throw new OfferException(null, "offer.error.changed-meanwhile");
        }
        events.publishEvent(new OfferUpdated(id, offer.getCompanyId(), dispOf(id), actor.name(), actor.kind() == OfferActor.Kind.COMPANY));
    }

    /** Moves an offer to another state if {@link OfferStatus#canBecome} allows it; rejecting needs a reason. */
    void transition(OfferActor actor, long id, OfferStatus target, @Nullable RejectionReason reasonCode, @Nullable String reason) {
        Offer offer = changeable(actor, id);
        OfferStatus from = offer.getStatus();
        if (!from.canBecome(target)) {
            throw new OfferException(null, "offer.error.transition", from, target);
        }
        if (target == OfferStatus.OPEN || target == OfferStatus.REJECTED) {
            // Validating and rejecting a declaration is the referents' work, not the company's.
            if (!actor.isStaff()) {
                throw new AccessDeniedException("Only staff validate or reject an offer");
            }
        }
        if (target == OfferStatus.OPEN && offer.getCompanyId() == null) {
            throw new OfferException(null, "moderation.error.company-not-matched");
        }
        String text = OfferDraftValidator.blankToNull(reason);
        if (text != null && text.length() > 1000) {
            throw new OfferException("reason", "offer.error.too-long", 1000);
        }
        if (target.needsReason()) {
            if (reasonCode == null) {
                throw new OfferException("reasonCode", "offer.error.reason-required");
            }
            if (reasonCode == RejectionReason.OTHER && text == null) {
                throw new OfferException("reason", "offer.error.reason-text-required");
            }
        }
        RejectionReason code = target.needsReason() ? reasonCode : null;
        offer.moveTo(target, code, text);
        Instant now = now();
        offer.touch(now);
        if (actor.kind() == OfferActor.Kind.COMPANY) {
            offer.companyUpdated(now);
        }
        try {
            offers.saveAndFlush(offer);
        } catch (OptimisticLockingFailureException e) {
            throw new OfferException(null, "offer.error.changed-meanwhile");
        }
        changes.save(new OfferStatusChangeRecord(id, from, target, code, text, actor.name(), now));
        events.publishEvent(new OfferStatusChanged(id, offer.getCompanyId(), dispOf(id), from, target, code, text, actor.name()));
    }

    // Expiry and extension (issue 10, offers item 4): the expiry job in offer.internal, the extension for
    // staff (OfferService) and for the company's own space on the portal.

    /** Open offers stay open this long after an extension. */
    static final int EXTENSION_DAYS = 90;

    /**
     * Extends an open offer, the company's "still current" (or staff's on its behalf): its 90 days without
     * an update from the company start again now, and an end date within the next 90 days moves to today
     * plus 90 days (Paris). Recorded and audited as an update; its reminders are then keyed to the new deadline.
     */
    void extend(OfferActor actor, long id) {
        Offer offer = changeable(actor, id);
        if (!offer.getStatus().canBeExtended()) {
            throw new OfferException(null, "offer.expiry.error.not-open", offer.getStatus());
        }
        Instant now = now();
        LocalDate until = LocalDate.ofInstant(now, DisplayFormats.PARIS).plusDays(EXTENSION_DAYS);
        LocalDate end = offer.getEndDate();
        if (end != null && end.isBefore(until)) {
            offer.setEndDate(until);
        }
        offer.companyUpdated(now);
        offer.touch(now);
        try {
            offers.saveAndFlush(offer);
        } catch (OptimisticLockingFailureException e) {
            throw new OfferException(null, "offer.error.changed-meanwhile");
        }
        events.publishEvent(new OfferUpdated(id, offer.getCompanyId(), dispOf(id), actor.name(), actor.kind() == OfferActor.Kind.COMPANY));
    }

    /**
     * Hires through the offer, counted by the module that records them: once they reach its positions an open offer
     * becomes {@code FILLED} (recorded and audited like any move); otherwise, or for an offer no longer open, nothing
     * changes. Returns whether it moved.
     */
    boolean recordHires(OfferActor actor, long id, int hires) {
        Offer offer = offers.findById(id).orElseThrow(() -> new OfferException(null, "offer.error.not-found"));
        if (offer.getStatus() != OfferStatus.OPEN || hires < offer.getPositions()) {
            return false;
        }
        transition(actor, id, OfferStatus.FILLED, null, null);
        return true;
    }

    /** The expiry job's move of an open offer whose deadline has passed, by the system. */
    @Override
    public void expire(long offerId) {
        transition(OfferActor.system(ExpiringOffers.JOB), offerId, OfferStatus.EXPIRED, null, null);
    }

    /** The offer, if it exists and the actor may change it; one of another company answers as if it did not exist. */
    private Offer changeable(OfferActor actor, long id) {
        Offer offer = offers.findById(id).orElseThrow(() -> new OfferException(null, "offer.error.not-found"));
        if (actor.kind() == OfferActor.Kind.COMPANY && !actor.mayChange(null, offer.getCompanyId())) {
            throw new OfferException(null, "offer.error.not-found");
        }
        requireChange(actor, dispOf(id), offer.getCompanyId());
        return offer;
    }

    private static void requireChange(OfferActor actor, @Nullable String dispCode, @Nullable Long companyId) {
        if (!actor.mayChange(dispCode, companyId)) {
            throw new AccessDeniedException(actor.name() + " may not change offers of " + dispCode);
        }
    }

    private String dispOf(long id) {
        return jdbc.sql("select disp_code from offer where id = :id").param("id", id).query(String.class).single();
    }

    private Instant now() {
        // The database keeps microseconds: what is returned is what is read back.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void apply(Offer offer, OfferDraft draft) {
        offer.setType(Objects.requireNonNull(draft.type()));
        offer.setRomeCode(Objects.requireNonNull(draft.romeCode()));
        offer.setTitle(draft.title());
        offer.setDescription(draft.description());
        offer.setPositions(Objects.requireNonNull(draft.positions()));
        offer.setContractType(Objects.requireNonNull(draft.contractType()));
        offer.setHoursPerWeek(draft.hoursPerWeek());
        offer.setCommune(draft.commune());
        offer.setDepartmentCode(draft.departmentCode());
        offer.setEstablishmentIds(draft.establishmentIds());
        offer.setStartDate(Objects.requireNonNull(draft.startDate()));
        offer.setEndDate(draft.endDate());
        offer.setContactId(draft.contactId());
    }
}
