package fr.passerelle.campaignresults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.campaignresults.CampaignResult.Attribution;
import fr.passerelle.campaignresults.CampaignResult.Delivery;
import fr.passerelle.campaignresults.CampaignResult.Period;
import fr.passerelle.cohort.CohortFixtures;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A campaign's results counted from real rows of the outbox, the opt-out list, the portal, offers and cohorts. */
class CampaignResultsTest extends IntegrationTest {

    @Autowired
    CampaignResults results;
    @Autowired
    CampaignFixture campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    CohortFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CohortFixtures(jdbc, users);
    }

    @Test
    void theWholeCampaignIsCountedFromItsStreamItsOptOutsItsVisitsItsOffersAndTheirHires() {
        long campaign = campaigns.campaign();
        fixtures.signIn("communication");

        CampaignResult result = results.of(campaign, ChronoUnit.DAYS);

        assertThat(result.wholeCampaign()).isTrue();
        assertThat(result.delivery()).isEqualTo(new Delivery(true, 4, 2, 1, 3, 0, 2, 1, 1));
        assertThat(result.visits()).isEqualTo(3);
        assertThat(result.attribution()).as("3 declarations, Dijon's and Lyon's opened, 2 people hired through Dijon's")
                .isEqualTo(new Attribution(3, 2, 2));

        Map<LocalDate, Period> days = byParisDay(result);
        assertThat(days.get(LocalDate.of(2027, 3, 1))).satisfies(day -> {
            assertThat(day.sent()).isEqualTo(2);
            assertThat(day.visits()).isEqualTo(1);
        });
        assertThat(days.get(LocalDate.of(2027, 3, 2))).satisfies(day -> {
            assertThat(day.sent()).isEqualTo(1);
            assertThat(day.failed()).isEqualTo(2);
            assertThat(day.visits()).isEqualTo(2);
        });
        assertThat(days.get(LocalDate.of(2027, 3, 3)).sent()).as("00:30 in Paris is the 3rd, though still the 2nd in UTC").isEqualTo(1);
        Period today = days.get(DisplayFormats.today());
        assertThat(today.declarations()).isEqualTo(3);
        assertThat(today.opened()).isEqualTo(2);
        assertThat(today.bounced()).isEqualTo(2);
        assertThat(today.unsubscribed()).as("the complaint is counted apart").isEqualTo(1);
        assertThat(result.series()).extracting(Period::start).isSorted();

        assertThat(results.of(campaign, ChronoUnit.HOURS).series()).filteredOn(p -> p.sent() > 0)
                .extracting(Period::start, Period::sent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CampaignFixture.DAY_ONE.truncatedTo(ChronoUnit.HOURS).toInstant(), 2L),
                        org.assertj.core.groups.Tuple.tuple(CampaignFixture.DAY_TWO.truncatedTo(ChronoUnit.HOURS).toInstant(), 1L),
                        org.assertj.core.groups.Tuple.tuple(CampaignFixture.DAY_THREE.truncatedTo(ChronoUnit.HOURS).toInstant(), 1L));

        fixtures.signIn("admin");
        assertThat(results.of(campaign, ChronoUnit.DAYS)).isEqualTo(result);
    }

    @Test
    void aReferentReadsTheMessagesToTheCompaniesOfTheirDispAndTheOffersPlacedInItAndNoVisit() {
        long campaign = campaigns.campaign();
        fixtures.signIn("referent");

        CampaignResult dijon = results.of(campaign, ChronoUnit.DAYS);

        assertThat(dijon.dispCode()).isEqualTo("DISP DIJON");
        assertThat(dijon.wholeCampaign()).isFalse();
        assertThat(dijon.delivery()).as("r1, r2, r3 sent, r5 failed, r8 pending; r5 bounced, r1 unsubscribed, r2 complained")
                .isEqualTo(new Delivery(true, 3, 1, 0, 1, 0, 1, 1, 1));
        assertThat(dijon.visits()).as("a visit is anonymous").isNull();
        assertThat(dijon.attribution()).isEqualTo(new Attribution(2, 1, 2));
        Map<LocalDate, Period> days = byParisDay(dijon);
        assertThat(days.get(LocalDate.of(2027, 3, 1)).sent()).isEqualTo(2);
        assertThat(days.get(LocalDate.of(2027, 3, 2))).satisfies(day -> {
            assertThat(day.sent()).isEqualTo(1);
            assertThat(day.failed()).isEqualTo(1);
        });
        assertThat(days).as("r4, sent on the 3rd, is Lyon's").doesNotContainKey(LocalDate.of(2027, 3, 3));
        Period today = days.get(DisplayFormats.today());
        assertThat(today.declarations()).isEqualTo(2);
        assertThat(today.bounced()).isEqualTo(1);
        assertThat(today.unsubscribed()).isEqualTo(1);
        assertThat(dijon.series()).allSatisfy(period -> assertThat(period.visits()).isZero());

        fixtures.signIn(fixtures.lyonReferent());
        CampaignResult lyon = results.of(campaign, ChronoUnit.HOURS);
        assertThat(lyon.delivery()).as("r4 sent, r6 failed, r7 skipped, r9 and r10 pending; r6 bounced")
                .isEqualTo(new Delivery(true, 1, 1, 1, 2, 0, 1, 0, 0));
        assertThat(lyon.attribution()).isEqualTo(new Attribution(1, 1, 0));
        assertThat(lyon.series()).filteredOn(p -> p.sent() > 0).extracting(Period::start)
                .containsExactly(CampaignFixture.DAY_THREE.truncatedTo(ChronoUnit.HOURS).toInstant());

        fixtures.signIn("communication");
        assertThat(results.of(campaign, ChronoUnit.DAYS).delivery()).as("the whole is both DISPs' parts")
                .isEqualTo(new Delivery(true, 4, 2, 1, 3, 0, 2, 1, 1));
    }

    @Test
    void aMessageCountsInTheDispOfItsContactsCompanyAndADeletedContactsInNone() {
        long campaign = campaigns.campaign();
        long lyonCompany = jdbc.sql("select id from company where legal_name = :name").param("name", "Destinataire Lyon " + campaign)
                .query(Long.class).single();
        String domain = "c" + campaign + ".example.fr";
        // r3 (sent, Dijon) moves to the Lyon company; r1 (sent and unsubscribed, Dijon) is deleted.
        jdbc.sql("update contact set company_id = :company where email = :email").param("company", lyonCompany)
                .param("email", "r3@" + domain).update();
        jdbc.sql("delete from contact where email = :email").param("email", "r1@" + domain).update();

        fixtures.signIn("referent");
        assertThat(results.of(campaign, ChronoUnit.DAYS).delivery()).isEqualTo(new Delivery(true, 1, 1, 0, 1, 0, 1, 0, 1));
        fixtures.signIn(fixtures.lyonReferent());
        assertThat(results.of(campaign, ChronoUnit.DAYS).delivery()).isEqualTo(new Delivery(true, 2, 1, 1, 2, 0, 1, 0, 0));
        fixtures.signIn("admin");
        assertThat(results.of(campaign, ChronoUnit.DAYS).delivery()).as("the whole campaign still counts every message")
                .isEqualTo(new Delivery(true, 4, 2, 1, 3, 0, 2, 1, 1));
    }

    @Test
    void aCampaignNotSentYetHasOnlyZerosAndOthersAreNotCounted() {
        fixtures.signIn("admin");
        long campaign = CampaignFixture.draft(jdbc);

        CampaignResult result = results.of(campaign, ChronoUnit.HOURS);

        assertThat(result.delivery()).isEqualTo(new Delivery(false, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(result.visits()).isZero();
        assertThat(result.attribution()).isEqualTo(new Attribution(0, 0, 0));
        assertThat(result.series()).isEmpty();
        assertThatThrownBy(() -> results.of(campaign, ChronoUnit.MINUTES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nobodyElseReadsResults() {
        assertThatThrownBy(() -> results.of(1, ChronoUnit.DAYS)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("entreprise", null,
                List.of(new SimpleGrantedAuthority(Role.COMPANY.authority()))));
        SecurityContextHolder.setContext(context);
        assertThatThrownBy(() -> results.of(1, ChronoUnit.DAYS)).isInstanceOf(AccessDeniedException.class);
    }

    private static Map<LocalDate, Period> byParisDay(CampaignResult result) {
        return result.series().stream()
                .collect(Collectors.toMap(p -> p.start().atZone(DisplayFormats.PARIS).toLocalDate(), p -> p));
    }
}
