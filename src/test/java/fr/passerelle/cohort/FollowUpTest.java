package fr.passerelle.cohort;

import static fr.passerelle.cohort.CohortFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.cohort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferHires;
import fr.passerelle.partner.FollowUpTaskDraft;
import fr.passerelle.partner.FollowUpTasks;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.TaskDraft;
import fr.passerelle.partner.TaskService;
import fr.passerelle.partner.companypage.CompanyTimelineSource;
import fr.passerelle.partner.companypage.PageText;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Issue 11, item 5: the follow-up tasks of participants and the hires through linked offers, on PostgreSQL. */
class FollowUpTest extends IntegrationTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    ParticipantService participants;
    @Autowired
    CohortOfferService cohortOffers;
    @Autowired
    FollowUpTasks followUpTasks;
    @Autowired
    OfferHires offerHires;
    @Autowired
    TaskService taskService;
    @Autowired
    List<CompanyTimelineSource> timelineSources;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    CohortFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CohortFixtures(jdbc, users);
    }

    /** A follow-up task as stored. */
    record FollowTask(long id, String title, LocalDate due, long assignee, boolean done, @Nullable String link,
                      @Nullable String linkLabel, @Nullable String owner) {
    }

    private CohortDetails dijonCohort() {
        fixtures.signIn("referent");
        return cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 6, 7)));
    }

    private long enrol(long cohortId, String code, @Nullable YearMonth release) {
        return participants.enrol(cohortId, new ParticipantDraft(code, release, "21", false, null));
    }

    /** The participant's tasks by kind (RELEASE, SIX_MONTHS), those still linked. */
    private Map<String, FollowTask> tasks(long participantId) {
        return jdbc.sql("""
                        select f.kind, t.id, t.title, t.due_date, t.assignee_id, t.done, t.link, t.link_label, t.owner
                        from participant_follow_up f join task t on t.id = f.task_id
                        where f.participant_id = :p""")
                .param("p", participantId)
                .query((rs, row) -> Map.entry(rs.getString("kind"), new FollowTask(rs.getLong("id"), rs.getString("title"),
                        rs.getDate("due_date").toLocalDate(), rs.getLong("assignee_id"), rs.getBoolean("done"), rs.getString("link"),
                        rs.getString("link_label"), rs.getString("owner"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private boolean taskExists(long taskId) {
        return jdbc.sql("select exists (select 1 from task where id = :id)").param("id", taskId).query(Boolean.class).single();
    }

    @Test
    void enrolmentGivesTheReferentTwoTasksDueTheLastWorkingDaysOfTheReleaseMonthAndSixMonthsLater() {
        CohortDetails cohort = dijonCohort();
        long participant = enrol(cohort.id(), "SPIP21-F001", YearMonth.of(2027, 9));

        Map<String, FollowTask> tasks = tasks(participant);
        assertThat(tasks).containsOnlyKeys("RELEASE", "SIX_MONTHS");
        FollowTask atRelease = tasks.get("RELEASE");
        assertThat(atRelease.due()).as("Thursday 30 September 2027").isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(atRelease.title()).isEqualTo("Cohorte « " + cohort.title() + " » : situation à la sortie de SPIP21-F001");
        assertThat(atRelease.assignee()).isEqualTo(fixtures.userId("referent"));
        assertThat(atRelease.done()).isFalse();
        assertThat(atRelease.link()).isEqualTo("cohortes/" + cohort.id());
        assertThat(atRelease.linkLabel()).isEqualTo(cohort.title());
        assertThat(atRelease.owner()).isEqualTo("cohort");
        FollowTask afterSix = tasks.get("SIX_MONTHS");
        assertThat(afterSix.due()).as("Friday 31 March 2028").isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(afterSix.title()).isEqualTo("Cohorte « " + cohort.title() + " » : situation à 6 mois de SPIP21-F001");
        assertThat(afterSix.assignee()).isEqualTo(fixtures.userId("referent"));
        assertThat(taskService.mine(false, org.springframework.data.domain.PageRequest.of(0, 500)))
                .filteredOn(t -> t.id() == atRelease.id()).singleElement()
                .satisfies(t -> assertThat(t.link()).isEqualTo("cohortes/" + cohort.id()));

        long unknown = enrol(cohort.id(), "SPIP21-F002", null);
        assertThat(tasks(unknown)).as("no release month, nothing to plan yet").isEmpty();
        participants.update(unknown, 0, new ParticipantDraft("SPIP21-F002", YearMonth.of(2027, 10), "21", false, null));
        assertThat(tasks(unknown)).extractingFromEntries(e -> e.getValue().due())
                .as("31 October 2027 and 30 April 2028 are Sundays").containsExactlyInAnyOrder(LocalDate.of(2027, 10, 29), LocalDate.of(2028, 4, 28));
    }

    @Test
    void changingTheReleaseMonthMovesBothTasksAndKeepsTheirIds() {
        CohortDetails cohort = dijonCohort();
        long participant = enrol(cohort.id(), "SPIP21-M001", YearMonth.of(2027, 9));
        Map<String, FollowTask> before = tasks(participant);

        participants.update(participant, 0, new ParticipantDraft("SPIP21-M001", YearMonth.of(2027, 10), "21", false, null));

        Map<String, FollowTask> after = tasks(participant);
        assertThat(after.get("RELEASE").id()).isEqualTo(before.get("RELEASE").id());
        assertThat(after.get("RELEASE").due()).isEqualTo(LocalDate.of(2027, 10, 29));
        assertThat(after.get("SIX_MONTHS").id()).isEqualTo(before.get("SIX_MONTHS").id());
        assertThat(after.get("SIX_MONTHS").due()).isEqualTo(LocalDate.of(2028, 4, 28));

        participants.update(participant, 1, new ParticipantDraft("SPIP21-M002", null, "21", false, null));
        assertThat(tasks(participant)).as("release month unknown again: the open tasks go").isEmpty();
        assertThat(taskExists(before.get("RELEASE").id())).isFalse();
    }

    @Test
    void recordingAnOutcomeCompletesItsTaskAndClearingItReopensIt() {
        CohortDetails cohort = dijonCohort();
        long participant = enrol(cohort.id(), "SPIP21-O001", YearMonth.of(2027, 9));

        participants.recordOutcome(participant, OutcomeMoment.AT_RELEASE, new OutcomeDraft(Outcome.JOB_SEEKING, null, null));
        assertThat(tasks(participant).get("RELEASE").done()).isTrue();
        assertThat(tasks(participant).get("SIX_MONTHS").done()).isFalse();

        participants.recordOutcome(participant, OutcomeMoment.AFTER_SIX_MONTHS, new OutcomeDraft(Outcome.IN_TRAINING, null, null));
        assertThat(tasks(participant).get("SIX_MONTHS").done()).isTrue();

        participants.recordOutcome(participant, OutcomeMoment.AT_RELEASE, OutcomeDraft.none());
        assertThat(tasks(participant).get("RELEASE").done()).as("cleared: to do again").isFalse();
        assertThat(tasks(participant).get("SIX_MONTHS").done()).isTrue();
    }

    @Test
    void droppingAParticipantOrCancellingTheCohortRemovesTheOpenTasksAndKeepsTheDoneOnes() {
        CohortDetails cohort = dijonCohort();
        long dropped = enrol(cohort.id(), "SPIP21-D001", YearMonth.of(2027, 9));
        long other = enrol(cohort.id(), "SPIP21-D002", YearMonth.of(2027, 11));
        participants.recordOutcome(other, OutcomeMoment.AT_RELEASE, new OutcomeDraft(Outcome.UNKNOWN, null, null));
        Map<String, FollowTask> droppedTasks = tasks(dropped);
        Map<String, FollowTask> otherTasks = tasks(other);

        participants.drop(dropped, "Transfert vers un autre établissement");
        assertThat(tasks(dropped)).isEmpty();
        assertThat(taskExists(droppedTasks.get("RELEASE").id())).isFalse();
        assertThat(taskExists(droppedTasks.get("SIX_MONTHS").id())).isFalse();
        assertThat(tasks(other)).hasSize(2);

        cohorts.transition(cohort.id(), CohortState.CANCELLED, "Financement non reconduit");
        assertThat(tasks(other)).as("the done one stays as a trace of the work").containsOnlyKeys("RELEASE");
        assertThat(taskExists(otherTasks.get("SIX_MONTHS").id())).isFalse();
    }

    @Test
    void aNewReferentOfTheCohortGetsItsOpenTasksAndANewTitleRenamesThem() {
        CohortDetails cohort = dijonCohort();
        long participant = enrol(cohort.id(), "SPIP21-R001", YearMonth.of(2027, 9));
        participants.recordOutcome(participant, OutcomeMoment.AT_RELEASE, new OutcomeDraft(Outcome.JOB_SEEKING, null, null));
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, disp_code)
                values ('referent-dijon-suivi', 'Référent Dijon suivi', '{noop}x', 'REFERENT', 'DISP DIJON')
                on conflict (username) do nothing""").update();
        long newReferent = fixtures.userId("referent-dijon-suivi");

        CohortDetails current = cohorts.require(cohort.id());
        CohortDraft draft = cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 6, 7));
        cohorts.update(cohort.id(), current.version(), new CohortDraft(null, "Promotion renommée " + CohortFixtures.token(), draft.sector(),
                draft.romeCodes(), draft.establishmentId(), List.of(), draft.plannedStart(), draft.plannedEnd(), null, null, draft.hours(),
                draft.certification(), draft.capacity(), newReferent));

        CohortDetails renamed = cohorts.require(cohort.id());
        Map<String, FollowTask> tasks = tasks(participant);
        assertThat(tasks.get("SIX_MONTHS").assignee()).isEqualTo(newReferent);
        assertThat(tasks.get("SIX_MONTHS").title()).startsWith("Cohorte « " + renamed.title() + " »");
        assertThat(tasks.get("SIX_MONTHS").linkLabel()).isEqualTo(renamed.title());
        assertThat(tasks.get("RELEASE").assignee()).as("a done task stays with who did it").isEqualTo(fixtures.userId("referent"));
    }

    @Test
    void hiresThroughALinkedOfferFillItWhenTheyReachItsPositionsAndShowInTheCompanysTimeline() {
        CohortDetails cohort = dijonCohort();
        long company = fixtures.company("Canalisations suivi " + CohortFixtures.token());
        long offer = fixtures.offer(company, "OPEN");
        cohortOffers.link(cohort.id(), offer);
        long first = enrol(cohort.id(), "SPIP21-H001", YearMonth.of(2027, 9));
        long second = enrol(cohort.id(), "SPIP21-H002", YearMonth.of(2027, 9));
        long auditedBefore = offerRevisions(offer);

        participants.recordOutcome(first, OutcomeMoment.AT_RELEASE, new OutcomeDraft(Outcome.EMPLOYED, ContractType.CDI, offer));
        participants.recordOutcome(first, OutcomeMoment.AFTER_SIX_MONTHS, new OutcomeDraft(Outcome.EMPLOYED, ContractType.CDI, offer));
        assertThat(status(offer)).as("one person hired, two positions; the same person six months later is no second hire")
                .isEqualTo("OPEN");

        participants.recordOutcome(second, OutcomeMoment.AT_RELEASE, new OutcomeDraft(Outcome.EMPLOYED, ContractType.CDD, offer));
        assertThat(status(offer)).isEqualTo("FILLED");
        assertThat(jdbc.sql("""
                        select from_status || '>' || to_status || ' by ' || changed_by from offer_status_change
                        where offer_id = :id order by id desc limit 1""")
                .param("id", offer).query(String.class).single()).isEqualTo("OPEN>FILLED by referent");
        assertThat(offerRevisions(offer)).as("audited").isEqualTo(auditedBefore + 1);

        List<CompanyTimelineSource.Event> hires = timelineSources.stream().flatMap(source -> source.timeline(company).stream())
                .filter(event -> event.headline().key().equals("cohort.followup.timeline.hire")).toList();
        assertThat(hires).hasSize(2).allSatisfy(event -> {
            assertThat(event.headline()).isEqualTo(PageText.of("cohort.followup.timeline.hire", cohort.title(), "Canalisateur"));
            assertThat(event.author()).isEqualTo("referent");
            assertThat(event.toString()).doesNotContain("SPIP21-H");
        });
        assertThat(timelineSources.stream().flatMap(source -> source.timeline(company).stream())
                .map(event -> event.headline().key())).contains("offer.timeline.moved");
    }

    @Test
    void aCommunicationUserCannotScheduleTasksNorFillOffersAndOnlyTheOwnerChangesItsTasks() {
        CohortDetails cohort = dijonCohort();
        long participant = enrol(cohort.id(), "SPIP21-S001", YearMonth.of(2027, 9));
        long taskId = tasks(participant).get("RELEASE").id();
        long typed = taskService.create(new TaskDraft("Rappeler la fédération", LocalDate.of(2027, 9, 1), null, null)).id();
        long company = fixtures.company("Canalisations portée " + CohortFixtures.token());
        long offer = fixtures.offer(company, "OPEN");

        assertThatThrownBy(() -> followUpTasks.complete("offer", taskId)).as("another owner")
                .isInstanceOf(PartnerException.class);
        assertThatThrownBy(() -> followUpTasks.removeIfOpen("cohort", typed)).as("a task typed by a person")
                .isInstanceOf(PartnerException.class);
        assertThatThrownBy(() -> followUpTasks.create(new FollowUpTaskDraft("cohort", "Ailleurs", LocalDate.of(2027, 9, 1),
                fixtures.userId("referent"), null, "https://exemple.fr/piege", "Piège"))).isInstanceOf(IllegalArgumentException.class);

        fixtures.signIn("communication");
        assertThatThrownBy(() -> followUpTasks.create(new FollowUpTaskDraft("cohort", "Suivi", LocalDate.of(2027, 9, 1),
                fixtures.userId("referent"), null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> followUpTasks.complete("cohort", taskId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offerHires.recordHires(offer, 5)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> participants.recordOutcome(participant, OutcomeMoment.AT_RELEASE,
                new OutcomeDraft(Outcome.EMPLOYED, ContractType.CDI, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cohorts.transition(cohort.id(), CohortState.CANCELLED, "Non")).isInstanceOf(AccessDeniedException.class);

        fixtures.signIn("referent");
        assertThat(tasks(participant).get("RELEASE").done()).isFalse();
        assertThat(taskExists(typed)).isTrue();
        assertThat(status(offer)).isEqualTo("OPEN");
    }

    private String status(long offerId) {
        return jdbc.sql("select status from offer where id = :id").param("id", offerId).query(String.class).single();
    }

    private long offerRevisions(long offerId) {
        return jdbc.sql("select count(*) from offer_aud where id = :id").param("id", offerId).query(Long.class).single();
    }
}
