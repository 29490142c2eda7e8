package fr.passerelle.cohort;

import static fr.passerelle.cohort.CohortFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.cohort;
import static fr.passerelle.cohort.CohortFixtures.participant;
import static fr.passerelle.cohort.CohortFixtures.withCapacity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.offer.ContractType;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

class ParticipantServiceTest extends IntegrationTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    ParticipantService participants;
    @Autowired
    CohortOfferService cohortOffers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    CohortFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CohortFixtures(jdbc, users);
    }

    private CohortDetails dijonCohort(int capacity) {
        fixtures.signIn("referent");
        return cohorts.create(withCapacity(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 6, 7)), capacity));
    }

    @Test
    void aReferentOfTheDispEnrolsAndReadsParticipantsAndEveryReadIsRecorded() {
        CohortDetails cohort = dijonCohort(9);
        long id = participants.enrol(cohort.id(), new ParticipantDraft(" spip21-0042 ", YearMonth.of(2027, 9), "21", false, "  "));
        long before = reads(cohort.id());

        var listed = participants.participants(cohort.id());

        assertThat(listed).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(id);
            assertThat(p.code()).as("normalised").isEqualTo("SPIP21-0042");
            assertThat(p.releaseMonth()).isEqualTo(YearMonth.of(2027, 9));
            assertThat(p.state()).isEqualTo(ParticipantState.ENROLLED);
            assertThat(p.note()).isNull();
        });
        assertThat(reads(cohort.id())).isEqualTo(before + 1);
        assertThat(jdbc.sql("select read_by from participant_read where cohort_id = :id order by id desc limit 1")
                .param("id", cohort.id()).query(Long.class).single()).isEqualTo(fixtures.userId("referent"));
        assertThat(jdbc.sql("select count(*) from participant_aud where id = :id").param("id", id).query(Long.class).single())
                .as("audited").isEqualTo(1);

        fixtures.signIn("admin");
        assertThat(participants.participants(cohort.id())).hasSize(1);
        assertThat(participants.reads(cohort.id(), 10)).first().extracting(ParticipantRead::userId).isEqualTo(fixtures.userId("admin"));
    }

    @Test
    void aReferentOfAnotherDispAndACommunicationUserCannotReadParticipantsEvenThroughTheService() {
        CohortDetails cohort = dijonCohort(9);
        long id = participants.enrol(cohort.id(), participant("SPIP-" + CohortFixtures.token()));
        long before = reads(cohort.id());

        fixtures.signIn(fixtures.lyonReferent());
        assertThatThrownBy(() -> participants.participants(cohort.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> participants.enrol(cohort.id(), participant("SPIP-LYON"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> participants.drop(id, "Transfert")).isInstanceOf(AccessDeniedException.class);
        assertThat(cohorts.get(cohort.id()).orElseThrow().participantsVisible()).isFalse();

        fixtures.signIn("communication");
        assertThatThrownBy(() -> participants.participants(cohort.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> participants.recordOutcome(id, OutcomeMoment.AT_RELEASE, OutcomeDraft.none()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> participants.reads(cohort.id(), 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(cohorts.get(cohort.id()).orElseThrow().participantsVisible()).isFalse();

        assertThat(reads(cohort.id())).as("a refused read leaves no trace of data read").isEqualTo(before);
    }

    @Test
    void codesAreFormatLimitedAndUniqueInTheCohortAndTheCapacityHolds() {
        CohortDetails cohort = dijonCohort(2);
        assertCode(cohort.id(), "AB", "cohort.error.code-format");
        assertCode(cohort.id(), "Jean Dupont", "cohort.error.code-format");
        assertCode(cohort.id(), "X".repeat(21), "cohort.error.code-format");
        participants.enrol(cohort.id(), participant("SPIP-1"));
        assertCode(cohort.id(), "spip-1", "cohort.error.code-taken");
        long second = participants.enrol(cohort.id(), participant("SPIP-2"));
        assertThatThrownBy(() -> participants.enrol(cohort.id(), participant("SPIP-3")))
                .isInstanceOf(CohortException.class).hasMessage("cohort.error.full");
        participants.drop(second, "Transfert vers un autre établissement");
        assertThat(participants.enrol(cohort.id(), participant("SPIP-3"))).as("a place freed by a drop").isPositive();

        CohortDetails other = dijonCohort(2);
        assertThat(participants.enrol(other.id(), participant("SPIP-1"))).as("unique within a cohort only").isPositive();
        assertThatThrownBy(() -> jdbc.sql("update participant set code = 'dupont jean' where id = :id").param("id", second).update())
                .as("the database checks the format too").hasMessageContaining("participant_code_format");
    }

    @Test
    void participantsCompleteOrDropWithAReasonAndLongFreeTextsAreRefused() {
        CohortDetails cohort = dijonCohort(9);
        long first = participants.enrol(cohort.id(), participant("SPIP-A1"));
        long second = participants.enrol(cohort.id(), participant("SPIP-A2"));

        assertThatThrownBy(() -> participants.enrol(cohort.id(), new ParticipantDraft("SPIP-A3", null, null, false, "x".repeat(501))))
                .isInstanceOfSatisfying(CohortException.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThatThrownBy(() -> participants.drop(first, " ")).isInstanceOfSatisfying(CohortException.class,
                e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> participants.drop(first, "x".repeat(301))).isInstanceOf(CohortException.class);
        assertThatThrownBy(() -> participants.complete(first)).as("the training has not started")
                .hasMessage("cohort.error.training-not-started");
        cohorts.transition(cohort.id(), CohortState.RECRUITING, null);
        assertThatThrownBy(() -> participants.complete(first)).hasMessage("cohort.error.training-not-started");
        cohorts.transition(cohort.id(), CohortState.IN_PROGRESS, null);
        participants.complete(first);
        assertThatThrownBy(() -> participants.drop(first, "Trop tard")).isInstanceOf(CohortException.class)
                .hasMessage("cohort.error.participant-not-enrolled");
        participants.drop(second, "Raisons de santé");
        assertThatThrownBy(() -> jdbc.sql("update participant set note = repeat('x', 501) where id = :id").param("id", first).update())
                .hasMessageContaining("participant_note_length");

        var listed = participants.participants(cohort.id());
        assertThat(listed).extracting(ParticipantSummary::state).containsExactly(ParticipantState.COMPLETED, ParticipantState.DROPPED);
        assertThat(listed.get(1).dropReason()).isEqualTo("Raisons de santé");

        cohorts.transition(cohort.id(), CohortState.CANCELLED, "Annulée");
        assertThatThrownBy(() -> participants.enrol(cohort.id(), participant("SPIP-A4"))).hasMessage("cohort.error.not-enrolling");
    }

    @Test
    void anEmploymentThroughALinkedOfferRecordsTheOfferAndItsCompany() {
        CohortDetails cohort = dijonCohort(9);
        long participant = participants.enrol(cohort.id(), participant("SPIP-E1"));
        long company = fixtures.company("Canalisations test " + CohortFixtures.token());
        long open = fixtures.offer(company, "OPEN");
        long closed = fixtures.offer(company, "CLOSED");

        assertThatThrownBy(() -> participants.recordOutcome(participant, OutcomeMoment.AT_RELEASE, new OutcomeDraft(Outcome.EMPLOYED, null, null)))
                .isInstanceOfSatisfying(CohortException.class, e -> assertThat(e.field()).isEqualTo("contractType"));
        assertThatThrownBy(() -> participants.recordOutcome(participant, OutcomeMoment.AT_RELEASE,
                new OutcomeDraft(Outcome.EMPLOYED, ContractType.CDI, open)))
                .as("not linked yet").isInstanceOfSatisfying(CohortException.class, e -> assertThat(e.field()).isEqualTo("offerId"));
        assertThatThrownBy(() -> cohortOffers.link(cohort.id(), closed)).hasMessage("cohort.error.offer-not-open");
        cohortOffers.link(cohort.id(), open);
        assertThatThrownBy(() -> cohortOffers.link(cohort.id(), open)).hasMessage("cohort.error.offer-already-linked");
        assertThat(cohortOffers.linkedOffers(cohort.id())).extracting(LinkedOffer::offerId).containsExactly(open);

        participants.recordOutcome(participant, OutcomeMoment.AT_RELEASE, new OutcomeDraft(Outcome.EMPLOYED, ContractType.CDD, open));
        participants.recordOutcome(participant, OutcomeMoment.AFTER_SIX_MONTHS, new OutcomeDraft(Outcome.IN_TRAINING, ContractType.CDI, open));

        ParticipantSummary recorded = participants.participants(cohort.id()).getFirst();
        assertThat(recorded.atRelease().outcome()).isEqualTo(Outcome.EMPLOYED);
        assertThat(recorded.atRelease().contractType()).isEqualTo(ContractType.CDD);
        assertThat(recorded.atRelease().offerId()).isEqualTo(open);
        assertThat(recorded.atRelease().companyId()).isEqualTo(company);
        assertThat(recorded.atRelease().offerTitle()).isEqualTo("Canalisateur");
        assertThat(recorded.afterSixMonths().outcome()).isEqualTo(Outcome.IN_TRAINING);
        assertThat(recorded.afterSixMonths().contractType()).as("only an employment has a contract").isNull();
        assertThat(recorded.afterSixMonths().offerId()).isNull();

        assertThatThrownBy(() -> cohortOffers.unlink(cohort.id(), open)).hasMessage("cohort.error.offer-used-in-outcome");
        participants.recordOutcome(participant, OutcomeMoment.AT_RELEASE, new OutcomeDraft(Outcome.EMPLOYED, ContractType.CDD, null));
        cohortOffers.unlink(cohort.id(), open);
        assertThat(cohortOffers.linkedOfferIds(cohort.id())).isEmpty();

        fixtures.signIn("communication");
        assertThatThrownBy(() -> cohortOffers.link(cohort.id(), open)).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(fixtures.lyonReferent());
        assertThatThrownBy(() -> cohortOffers.link(cohort.id(), open)).isInstanceOf(AccessDeniedException.class);
    }

    private void assertCode(long cohortId, String code, String key) {
        assertThatThrownBy(() -> participants.enrol(cohortId, participant(code))).isInstanceOfSatisfying(CohortException.class, e -> {
            assertThat(e.field()).isEqualTo("code");
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    private long reads(long cohortId) {
        return jdbc.sql("select count(*) from participant_read where cohort_id = :id").param("id", cohortId).query(Long.class).single();
    }
}
