package fr.passerelle.cohort;

import static fr.passerelle.cohort.CohortFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.LYON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.cohort;
import static fr.passerelle.cohort.CohortFixtures.programme;
import static fr.passerelle.cohort.CohortFixtures.withPartners;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

class CohortServiceTest extends IntegrationTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;

    CohortFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CohortFixtures(jdbc, users);
    }

    private long dijon() {
        return fixtures.establishment(DIJON_ESTABLISHMENT);
    }

    @Test
    void aReferentCreatesACohortOfTheirDispWithPartnersInTheirRolesAndItIsAudited() {
        fixtures.signIn("referent");
        long federation = fixtures.company("Fédération test " + CohortFixtures.token());
        long region = fixtures.company("Région test " + CohortFixtures.token());
        ProgrammeSummary programme = programmes.create(programme(false));
        var draft = withPartners(cohort(programme.id(), dijon(), LocalDate.of(2027, 3, 1)),
                List.of(new PartnerLink(federation, PartnerRole.FEDERATION), new PartnerLink(region, PartnerRole.FUNDER),
                        new PartnerLink(region, PartnerRole.EMPLOYMENT_SERVICE)));

        CohortDetails created = cohorts.create(draft);

        assertThat(created.dispCode()).as("derived from the establishment").isEqualTo("DISP DIJON");
        assertThat(created.regionCode()).isEqualTo("27");
        assertThat(created.programmeTitle()).isEqualTo(programme.title());
        assertThat(created.trades()).extracting(CohortDetails.Trade::code).containsExactly("F1603");
        assertThat(created.partners()).extracting(CohortDetails.Partner::companyId, CohortDetails.Partner::role)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(federation, PartnerRole.FEDERATION),
                        org.assertj.core.groups.Tuple.tuple(region, PartnerRole.FUNDER),
                        org.assertj.core.groups.Tuple.tuple(region, PartnerRole.EMPLOYMENT_SERVICE));
        assertThat(created.referentId()).as("the creator owns it").isEqualTo(fixtures.userId("referent"));
        assertThat(created.state()).isEqualTo(CohortState.PLANNED);
        assertThat(created.editable()).isTrue();
        assertThat(cohorts.search(CohortFilter.ofProgramme(programme.id()), PageRequest.of(0, 10)))
                .extracting(CohortSummary::id).containsExactly(created.id());

        CohortDetails changed = cohorts.update(created.id(), created.version(),
                withPartners(created.toDraft(), List.of(new PartnerLink(federation, PartnerRole.TRAINING_BODY))));
        assertThat(changed.partners()).extracting(CohortDetails.Partner::role).containsExactly(PartnerRole.TRAINING_BODY);
        assertThat(count("select count(*) from cohort_aud where id = :id and revtype = 0", created.id())).as("audited").isEqualTo(1);
        assertThat(count("select count(*) from cohort_partner_aud where cohort_id = :id and revtype = 2", created.id()))
                .as("removed partners audited").isEqualTo(3);
        assertThat(count("select count(*) from cohort_rome_job_aud where cohort_id = :id", created.id())).isEqualTo(1);
        assertThatThrownBy(() -> cohorts.update(created.id(), created.version(), created.toDraft()))
                .isInstanceOf(CohortException.class).hasMessage("cohort.error.changed-meanwhile");
    }

    @Test
    void aReferentCannotCreateOrChangeACohortOfAnotherDispAndCommunicationCannotCreateAny() {
        fixtures.signIn("referent");
        long lyon = fixtures.establishment(LYON_ESTABLISHMENT);
        assertThatThrownBy(() -> cohorts.create(cohort(null, lyon, LocalDate.of(2027, 1, 4)))).isInstanceOf(AccessDeniedException.class);

        fixtures.signIn("admin");
        CohortDetails lyonCohort = cohorts.create(cohort(null, lyon, LocalDate.of(2027, 1, 4)));
        assertThat(lyonCohort.dispCode()).isEqualTo("DISP LYON");

        fixtures.signIn("referent");
        assertThat(cohorts.get(lyonCohort.id())).as("readable").get().extracting(CohortDetails::editable).isEqualTo(false);
        assertThatThrownBy(() -> cohorts.transition(lyonCohort.id(), CohortState.RECRUITING, null))
                .isInstanceOf(AccessDeniedException.class);

        fixtures.signIn("communication");
        assertThat(cohorts.canCreate()).isFalse();
        assertThat(cohorts.get(lyonCohort.id())).isPresent();
        assertThatThrownBy(() -> cohorts.create(cohort(null, dijon(), LocalDate.of(2027, 1, 4)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void statesMoveOnlyForwardOneStepOrToCancelledWithAReason() {
        fixtures.signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, dijon(), LocalDate.of(2027, 5, 3)));

        assertThatThrownBy(() -> cohorts.transition(cohort.id(), CohortState.IN_PROGRESS, null))
                .isInstanceOf(CohortException.class).hasMessage("cohort.error.transition");
        assertThatThrownBy(() -> cohorts.transition(cohort.id(), CohortState.COMPLETED, null)).isInstanceOf(CohortException.class);
        assertThat(cohorts.transition(cohort.id(), CohortState.RECRUITING, null).state()).isEqualTo(CohortState.RECRUITING);
        assertThatThrownBy(() -> cohorts.transition(cohort.id(), CohortState.PLANNED, null)).isInstanceOf(CohortException.class);
        CohortDetails started = cohorts.transition(cohort.id(), CohortState.IN_PROGRESS, null);
        assertThat(started.actualStart()).isEqualTo(DisplayFormats.today());
        CohortDetails completed = cohorts.transition(cohort.id(), CohortState.COMPLETED, null);
        assertThat(completed.actualEnd()).isEqualTo(DisplayFormats.today());
        assertThatThrownBy(() -> cohorts.transition(cohort.id(), CohortState.CANCELLED, "Trop tard"))
                .isInstanceOf(CohortException.class).hasMessage("cohort.error.transition");

        CohortDetails other = cohorts.create(cohort(null, dijon(), LocalDate.of(2027, 5, 3)));
        assertThatThrownBy(() -> cohorts.transition(other.id(), CohortState.CANCELLED, "  "))
                .isInstanceOfSatisfying(CohortException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        CohortDetails cancelled = cohorts.transition(other.id(), CohortState.CANCELLED, " Financement retiré ");
        assertThat(cancelled.cancelReason()).isEqualTo("Financement retiré");
        assertThatThrownBy(() -> cohorts.transition(other.id(), CohortState.RECRUITING, null)).isInstanceOf(CohortException.class);
        assertThatThrownBy(() -> jdbc.sql("update cohort set cancel_reason = null where id = :id").param("id", other.id()).update())
                .as("the database wants the reason too").hasMessageContaining("cohort_cancelled_has_reason");
    }

    @Test
    void aProgrammeWithTheRuleGetsOnePromotionPerEstablishmentAndYear() {
        fixtures.signIn("referent");
        ProgrammeSummary ruled = programmes.create(programme(true));
        CohortDetails first = cohorts.create(cohort(ruled.id(), dijon(), LocalDate.of(2028, 2, 7)));

        assertThatThrownBy(() -> cohorts.create(cohort(ruled.id(), dijon(), LocalDate.of(2028, 11, 6))))
                .isInstanceOfSatisfying(CohortException.class, e -> {
                    assertThat(e.field()).isEqualTo("establishmentId");
                    assertThat(e.messageKey()).isEqualTo("cohort.error.one-promotion-per-year");
                });
        long next = fixtures.establishment("MA DIJON");
        assertThat(cohorts.create(cohort(ruled.id(), next, LocalDate.of(2028, 11, 6)))).as("another establishment").isNotNull();
        assertThat(cohorts.create(cohort(ruled.id(), dijon(), LocalDate.of(2029, 1, 8)))).as("the next year").isNotNull();
        CohortDetails moved = cohorts.create(cohort(ruled.id(), dijon(), LocalDate.of(2030, 1, 7)));
        assertThatThrownBy(() -> cohorts.update(moved.id(), moved.version(), withStart(moved.toDraft(), LocalDate.of(2028, 6, 1))))
                .as("moving into a taken year").isInstanceOf(CohortException.class);

        cohorts.transition(first.id(), CohortState.CANCELLED, "Établissement indisponible");
        assertThat(cohorts.create(cohort(ruled.id(), dijon(), LocalDate.of(2028, 11, 6)))).as("a cancelled one does not count").isNotNull();

        ProgrammeSummary free = programmes.create(programme(false));
        cohorts.create(cohort(free.id(), dijon(), LocalDate.of(2028, 2, 7)));
        CohortDetails second = cohorts.create(cohort(free.id(), dijon(), LocalDate.of(2028, 9, 4)));
        assertThatThrownBy(() -> programmes.update(free.id(), free.version(), withRule(free.toDraft())))
                .as("taking up the rule with two promotions in one year")
                .isInstanceOfSatisfying(CohortException.class, e -> assertThat(e.field()).isEqualTo("onePromotionPerYear"));
        cohorts.transition(second.id(), CohortState.CANCELLED, "Doublon");
        assertThat(programmes.update(free.id(), free.version(), withRule(free.toDraft())).onePromotionPerYear()).isTrue();
    }

    @Test
    void theOnePromotionRuleHoldsForTwoConcurrentWriters() throws Exception {
        fixtures.signIn("referent");
        ProgrammeSummary ruled = programmes.create(programme(true));
        long establishment = dijon();
        long owner = fixtures.userId("referent");
        String insert = "insert into cohort (programme_id, title, sector, establishment_id, planned_start, capacity, referent_id) "
                + "values (?, 'Concurrente', 'CONSTRUCTION', ?, ?, 10, ?)";
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insert(first, insert, ruled.id(), establishment, LocalDate.of(2031, 3, 1), owner);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try {
                    insert(second, insert, ruled.id(), establishment, LocalDate.of(2031, 9, 1), owner);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(other).as("the second writer waits for the first").isNotDone();
            first.commit();
            assertThatThrownBy(() -> other.get(10, TimeUnit.SECONDS)).hasMessageContaining("cohort_one_promotion_per_year");
            second.rollback();
        }
        assertThat(count("select count(*) from cohort where programme_id = :id", ruled.id())).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNextToItsField() {
        fixtures.signIn("referent");
        CohortDraft good = cohort(null, dijon(), LocalDate.of(2027, 4, 5));
        assertField(new CohortDraft(null, " ", good.sector(), good.romeCodes(), good.establishmentId(), List.of(), good.plannedStart(),
                null, null, null, null, null, 9, null), "title");
        assertField(new CohortDraft(null, "T", good.sector(), Set.of(), good.establishmentId(), List.of(), good.plannedStart(),
                null, null, null, null, null, 9, null), "romeCodes");
        assertField(new CohortDraft(null, "T", good.sector(), Set.of("Z9999"), good.establishmentId(), List.of(), good.plannedStart(),
                null, null, null, null, null, 9, null), "romeCodes");
        assertField(new CohortDraft(null, "T", good.sector(), good.romeCodes(), good.establishmentId(), List.of(), good.plannedStart(),
                good.plannedStart().minusDays(1), null, null, null, null, 9, null), "plannedEnd");
        assertField(new CohortDraft(null, "T", good.sector(), good.romeCodes(), good.establishmentId(), List.of(), good.plannedStart(),
                null, null, null, null, null, 0, null), "capacity");
        assertField(new CohortDraft(null, "T", good.sector(), good.romeCodes(), good.establishmentId(), List.of(), null,
                null, null, null, null, null, 9, null), "plannedStart");
        assertField(new CohortDraft(null, "T", good.sector(), good.romeCodes(), good.establishmentId(), List.of(), good.plannedStart(),
                null, null, null, null, null, 9, fixtures.userId("communication")), "referentId");
        assertField(withPartners(good, List.of(new PartnerLink(-1, PartnerRole.SPIP))), "partners");
    }

    private void assertField(CohortDraft draft, String field) {
        assertThatThrownBy(() -> cohorts.create(draft)).isInstanceOfSatisfying(CohortException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static CohortDraft withStart(CohortDraft d, LocalDate start) {
        return new CohortDraft(d.programmeId(), d.title(), d.sector(), d.romeCodes(), d.establishmentId(), d.partners(), start,
                null, null, null, d.hours(), d.certification(), d.capacity(), d.referentId());
    }

    private static ProgrammeDraft withRule(ProgrammeDraft d) {
        return new ProgrammeDraft(d.title(), d.description(), d.candidatesPerPromotion(), d.durationWeeks(), d.sectors(), true);
    }

    private static void insert(Connection connection, String sql, long programme, long establishment, LocalDate start, long owner)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, programme);
            statement.setLong(2, establishment);
            statement.setObject(3, start);
            statement.setLong(4, owner);
            statement.executeUpdate();
        }
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
