package fr.passerelle.cohort;

import fr.passerelle.base.SignedInUser;
import fr.passerelle.cohort.domain.Cohort;
import fr.passerelle.cohort.domain.CohortRepository;
import fr.passerelle.cohort.domain.Participant;
import fr.passerelle.cohort.domain.ParticipantRepository;
import fr.passerelle.cohort.internal.CohortAccess;
import fr.passerelle.cohort.internal.CohortQueries;
import fr.passerelle.cohort.internal.FollowUp;
import fr.passerelle.cohort.internal.ParticipantQueries;
import fr.passerelle.cohort.internal.Texts;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferDetails;
import fr.passerelle.offer.OfferService;
import fr.passerelle.reference.ReferenceService;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pseudonymous participants of a cohort, their path and their outcomes. Only administrators and the referents
 * of the cohort's DISP call it (communication teams and referents of other DISPs are refused, whoever calls), and
 * every read of a cohort's participants is recorded (who, when, which cohort). Bad input: a
 * {@link CohortException} naming the draft's field.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class ParticipantService {

    /** The SPIP's pseudonymous code: capital letters, digits and hyphens, 3 to 20 characters. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,19}");
    public static final int NOTE_MAX = 500;
    public static final int DROP_REASON_MAX = 300;

    private final ParticipantRepository participants;
    private final CohortRepository cohorts;
    private final ParticipantQueries queries;
    private final CohortQueries cohortQueries;
    private final CohortAccess access;
    private final ReferenceService reference;
    private final OfferService offers;
    private final FollowUp followUp;

    ParticipantService(ParticipantRepository participants, CohortRepository cohorts, ParticipantQueries queries,
                       CohortQueries cohortQueries, CohortAccess access, ReferenceService reference, OfferService offers,
                       FollowUp followUp) {
        this.followUp = followUp;
        this.participants = participants;
        this.cohorts = cohorts;
        this.queries = queries;
        this.cohortQueries = cohortQueries;
        this.access = access;
        this.reference = reference;
        this.offers = offers;
    }

    /** The cohort's participants by code; the read is recorded. */
    public List<ParticipantSummary> participants(long cohortId) {
        SignedInUser reader = access.requireParticipants(disp(cohortId));
        queries.recordRead(cohortId, reader.id());
        return queries.participants(cohortId);
    }

    /** The latest reads of a cohort's participants, newest first: for administrators. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<ParticipantRead> reads(long cohortId, int limit) {
        return queries.reads(cohortId, Math.clamp(limit, 1, 500));
    }

    /**
     * Enrols a participant, while the cohort enrols (not completed or cancelled) and has room. With a release month,
     * the cohort's referent gets the tasks to record the outcomes at release and six months later.
     */
    public long enrol(long cohortId, ParticipantDraft draft) {
        Cohort cohort = cohorts.lockById(cohortId).orElseThrow(() -> new CohortException(null, "cohort.error.not-found"));
        access.requireEdit(disp(cohortId));
        if (!cohort.getState().enrols()) {
            throw new CohortException(null, "cohort.error.not-enrolling");
        }
        long taken = participants.countByCohortIdAndStateIn(cohortId, EnumSet.of(ParticipantState.ENROLLED, ParticipantState.COMPLETED));
        if (taken >= cohort.getCapacity()) {
            throw new CohortException(null, "cohort.error.full", cohort.getCapacity());
        }
        var participant = new Participant(cohortId);
        apply(participant, draft);
        long id = save(participant);
        followUp.sync(id);
        return id;
    }

    /** Changes a participant's code, release month (the follow-up tasks move with it), department of return, certification or note. */
    public void update(long participantId, long expectedVersion, ParticipantDraft draft) {
        Participant participant = editable(participantId);
        if (participant.getVersion() != expectedVersion) {
            throw new CohortException(null, "cohort.error.changed-meanwhile");
        }
        apply(participant, draft);
        save(participant);
        followUp.sync(participantId);
    }

    /** An enrolled participant completes the training, once it has started (the cohort in progress or completed). */
    public void complete(long participantId) {
        Participant participant = editable(participantId);
        requireEnrolled(participant);
        CohortState state = cohorts.findById(participant.getCohortId()).orElseThrow().getState();
        if (state != CohortState.IN_PROGRESS && state != CohortState.COMPLETED) {
            throw new CohortException(null, "cohort.error.training-not-started");
        }
        participant.moveTo(ParticipantState.COMPLETED, null);
        save(participant);
    }

    /** An enrolled participant drops out, for a reason (without anything that identifies them); their open follow-up tasks go. */
    public void drop(long participantId, @Nullable String reason) {
        Participant participant = editable(participantId);
        requireEnrolled(participant);
        participant.moveTo(ParticipantState.DROPPED, Texts.required(reason, DROP_REASON_MAX, "reason"));
        save(participant);
        followUp.sync(participantId);
    }

    /**
     * Records the outcome at release or six months later. Employed needs a contract type; a hire through an offer
     * names an offer linked to the cohort, whose company is recorded with it (and which becomes filled once the people
     * hired through it reach its positions). Other outcomes carry neither. The moment's follow-up task is then done.
     */
    public void recordOutcome(long participantId, OutcomeMoment moment, OutcomeDraft draft) {
        Participant participant = editable(participantId);
        Outcome outcome = draft.outcome();
        ContractType contract = null;
        Long offerId = null;
        Long companyId = null;
        if (outcome == Outcome.EMPLOYED) {
            contract = draft.contractType();
            if (contract == null) {
                throw new CohortException("contractType", "cohort.error.contract-required");
            }
            offerId = draft.offerId();
            if (offerId != null) {
                if (!queries.isLinked(participant.getCohortId(), offerId)) {
                    throw new CohortException("offerId", "cohort.error.offer-not-linked");
                }
                companyId = offers.get(offerId).map(OfferDetails::companyId).orElse(null);
                if (companyId == null) {
                    throw new CohortException("offerId", "cohort.error.offer-unknown");
                }
            }
        }
        if (moment == OutcomeMoment.AT_RELEASE) {
            participant.recordAtRelease(outcome, contract, offerId, companyId);
        } else {
            participant.recordAfterSixMonths(outcome, contract, offerId, companyId);
        }
        save(participant);
        followUp.outcomeRecorded(participantId, moment, outcome != null, offerId, access.user().username());
    }

    private void apply(Participant participant, ParticipantDraft draft) {
        String code = draft.code().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new CohortException("code", "cohort.error.required");
        }
        if (!CODE.matcher(code).matches()) {
            throw new CohortException("code", "cohort.error.code-format");
        }
        if (!code.equals(participant.getCode()) && participants.existsByCohortIdAndCode(participant.getCohortId(), code)) {
            throw new CohortException("code", "cohort.error.code-taken");
        }
        String department = draft.returnDepartmentCode();
        if (department != null && reference.departments().stream().noneMatch(d -> d.code().equals(department))) {
            throw new CohortException("returnDepartmentCode", "cohort.error.department-unknown");
        }
        participant.setCode(code);
        participant.setReleaseMonth(draft.releaseMonth() == null ? null : draft.releaseMonth().atDay(1));
        participant.setReturnDepartmentCode(department);
        participant.setCertificationObtained(draft.certificationObtained());
        participant.setNote(Texts.optional(draft.note(), NOTE_MAX, "note"));
    }

    private long save(Participant participant) {
        try {
            return Objects.requireNonNull(participants.saveAndFlush(participant).getId());
        } catch (DataIntegrityViolationException e) {
            if (Texts.violates(e, "participant_code_once")) {
                throw new CohortException("code", "cohort.error.code-taken");
            }
            throw e;
        }
    }

    private Participant editable(long participantId) {
        Participant participant = participants.findById(participantId)
                .orElseThrow(() -> new CohortException(null, "cohort.error.participant-not-found"));
        access.requireEdit(disp(participant.getCohortId()));
        return participant;
    }

    private static void requireEnrolled(Participant participant) {
        if (participant.getState() != ParticipantState.ENROLLED) {
            throw new CohortException(null, "cohort.error.participant-not-enrolled");
        }
    }

    private String disp(long cohortId) {
        return cohortQueries.dispOf(cohortId).orElseThrow(() -> new CohortException(null, "cohort.error.not-found"));
    }
}
